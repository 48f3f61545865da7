"use client";
// Audience → Segments: the org's saved segments, each with its live count (asked for row by row, so
// a slow one never holds up the page).
import { useQuery } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import Link from "next/link";
import { formatDateTime, formatNumber } from "@/components/app/format";
import { PageHeader } from "@/components/app/page-header";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadError, Loading } from "@/components/ui/query-state";
import { Table, Td, Th } from "@/components/ui/table";
import { useTRPC } from "@/lib/trpc/react";

function LiveCount({ id }: { id: string }) {
  const trpc = useTRPC();
  const segment = useQuery(trpc.segments.get.queryOptions({ id }));
  const definition = segment.data?.definition;
  const count = useQuery({
    ...trpc.segments.preview.queryOptions({ definition: definition!, limit: 1 }, { staleTime: 0 }),
    enabled: definition !== undefined,
  });
  const error = segment.error ?? count.error;
  if (error) return <span className="text-red-600 dark:text-red-400" title={error.message}>Could not count</span>;
  if (!count.data) return <span className="text-zinc-400">Counting…</span>;
  return <span data-testid="segment-count">{formatNumber(count.data.count)}</span>;
}

export function SegmentsScreen() {
  const trpc = useTRPC();
  const segments = useQuery(trpc.segments.list.queryOptions());
  const newButton = (
    <Link href="/segments/new" className={buttonClass()}>
      <Plus className="h-4 w-4" aria-hidden /> New segment
    </Link>
  );

  return (
    <>
      <PageHeader
        title="Segments"
        description="Contacts picked by rules. A segment is evaluated each time it is used, so it always holds who matches now."
        actions={newButton}
      />
      {segments.isPending ? (
        <Loading label="Loading segments…" />
      ) : segments.isError ? (
        <LoadError error={segments.error} />
      ) : segments.data.length === 0 ? (
        <EmptyState
          title="No segments yet"
          description="Build one from rules: who opted in lately, who replied, who lives in Texas, who has a birthday next week."
          action={newButton}
        />
      ) : (
        <Table aria-label="Segments">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th className="text-right">Contacts now</Th>
              <Th className="hidden sm:table-cell">Updated</Th>
            </tr>
          </thead>
          <tbody>
            {segments.data.map((segment) => (
              <tr key={segment.id} className="hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
                <Td>
                  <Link href={`/segments/${segment.id}`} className="font-medium hover:underline">
                    {segment.name}
                  </Link>
                  {segment.description && <p className="mt-0.5 line-clamp-1 text-xs text-zinc-500">{segment.description}</p>}
                </Td>
                <Td className="text-right tabular-nums">
                  <LiveCount id={segment.id} />
                </Td>
                <Td className="hidden whitespace-nowrap text-zinc-600 sm:table-cell dark:text-zinc-400">{formatDateTime(segment.updatedAt)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
