"use client";
// The audit log, newest first, fetched in pages with the cursor list-audit.ts returns.
import { useInfiniteQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { AuditFilter } from "@/components/audit/audit-filter";
import { AuditRow } from "@/components/audit/audit-row";
import { LoadError, Loading } from "@/components/ui/query-state";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Th } from "@/components/ui/table";
import { useTRPC } from "@/lib/trpc/react";

const PAGE_SIZE = 50;

export function AuditLog({ targetId }: { targetId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const log = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(
      { targetId: targetId || undefined, limit: PAGE_SIZE },
      { getNextPageParam: (last) => last.nextCursor },
    ),
  );
  const filter = (id: string) => router.push(id ? `/audit?target=${encodeURIComponent(id)}` : "/audit");
  const entries = log.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <AuditFilter targetId={targetId} onChange={filter} />
      {log.isPending ? (
        <Loading />
      ) : log.isError ? (
        <LoadError error={log.error} />
      ) : entries.length === 0 ? (
        <EmptyState
          title="No entries"
          description={targetId ? `Nothing has been recorded for ${targetId}.` : "Changes made in this organisation will be listed here."}
        />
      ) : (
        <>
          <Table aria-label="Audit log entries">
            <thead>
              <tr>
                <Th>Time</Th>
                <Th>Actor</Th>
                <Th>Action</Th>
                <Th>Target</Th>
                <Th>Changes</Th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <AuditRow key={entry.id} entry={entry} onFilter={filter} />
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
