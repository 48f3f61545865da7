"use client";
// The audit log, newest first, fetched in pages with the cursor list-audit.ts returns, with the
// names of the objects each page quotes.
import { useInfiniteQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { AuditFilter } from "@/components/audit/audit-filter";
import {
  auditFilterHref,
  auditFiltersFromParams,
  auditListFilters,
  NO_AUDIT_FILTERS,
  type AuditFilterValues,
} from "@/components/audit/audit-filter-values";
import { AuditRow } from "@/components/audit/audit-row";
import { LoadError, Loading } from "@/components/ui/query-state";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Th } from "@/components/ui/table";
import type { AuditRefs } from "@/lib/audit/resolve-audit-refs";
import { useTRPC } from "@/lib/trpc/react";

const PAGE_SIZE = 50;

export function AuditLog() {
  const trpc = useTRPC();
  // The URL is the filters' one home, so a filtered view can be linked to and back/forward work;
  // changed with history.pushState, which Next.js follows without a server round trip, so a second
  // choice made right after the first builds on it.
  const filters = auditFiltersFromParams(Object.fromEntries(useSearchParams()));
  const setFilters = (values: AuditFilterValues) => window.history.pushState(null, "", auditFilterHref(values));
  const log = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(
      { ...auditListFilters(filters), limit: PAGE_SIZE },
      // Every other page's changes write rows here without invalidating this query: fetch afresh
      // each time the log is opened, not the app's default 10 s later.
      { getNextPageParam: (last) => last.nextCursor, staleTime: 0 },
    ),
  );
  const entries = log.data?.pages.flatMap((p) => p.items) ?? [];
  const refs: AuditRefs = Object.assign({}, ...(log.data?.pages.map((p) => p.refs) ?? []));
  const filtered = Object.values(filters).some(Boolean);

  return (
    <>
      <AuditFilter values={filters} onChange={setFilters} />
      {log.isPending ? (
        <Loading />
      ) : log.isError ? (
        <LoadError error={log.error} />
      ) : entries.length === 0 ? (
        filtered ? (
          <EmptyState
            title="No entries match these filters"
            description="Nothing recorded in this organisation matches the choices above."
            action={
              <Button variant="secondary" onClick={() => setFilters(NO_AUDIT_FILTERS)}>
                Clear filters
              </Button>
            }
          />
        ) : (
          <EmptyState title="No entries yet" description="Changes made in this organisation will be listed here." />
        )
      ) : (
        <>
          <Table aria-label="Audit log entries">
            <thead>
              <tr>
                <Th>Time</Th>
                <Th>Actor</Th>
                <Th>Action</Th>
                <Th>Object</Th>
                <Th>Changes</Th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <AuditRow key={entry.id} entry={entry} refs={refs} onFilterTarget={(target) => setFilters({ ...NO_AUDIT_FILTERS, target })} />
              ))}
            </tbody>
          </Table>
          <div className="mt-4 flex items-center gap-3">
            {log.hasNextPage && (
              <Button variant="secondary" onClick={() => log.fetchNextPage()} loading={log.isFetchingNextPage}>
                Load more
              </Button>
            )}
            <p className="text-sm text-zinc-500" aria-live="polite">
              Showing {entries.length} {entries.length === 1 ? "entry" : "entries"}
              {log.hasNextPage ? "" : " (all)"}
            </p>
          </div>
        </>
      )}
    </>
  );
}
