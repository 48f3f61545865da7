"use client";
// A workflow's runs, newest first: status filter, the step chosen on the canvas above (runs waiting
// there or ended there), the contact, where each is now or why it ended, when it started, and
// "Load more" along the keyset cursor. Active runs refresh every 5 s.
import { useInfiniteQuery } from "@tanstack/react-query";
import { X } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { formatDateTime } from "@/components/app/format";
import { contactName } from "@/components/contacts/contact-name";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Select } from "@/components/ui/input";
import { LoadError, Loading } from "@/components/ui/query-state";
import { Table, Td, Th } from "@/components/ui/table";
import { RUN_STATUS_LABELS, RunStatusBadge, runPlace, type RunStatus } from "@/components/workflows/run-words";
import type { WorkflowGraph } from "@/lib/workflows/graph-model";
import { useTRPC, useTRPCClient } from "@/lib/trpc/react";

const STATUSES = Object.keys(RUN_STATUS_LABELS) as RunStatus[];

/** A step of a version the table is narrowed to, with its name as the canvas shows it. */
export interface RunsAtStep {
  versionId: string;
  nodeId: string;
  label: string;
}

export function RunsTable({ workflowId, graphs, at, onClearAt }: { workflowId: string; graphs: ReadonlyMap<number, WorkflowGraph>; at: RunsAtStep | null; onClearAt: () => void }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [status, setStatus] = useState<RunStatus | "">("");
  const filters = { workflowId, ...(status && { status }), ...(at && { at: { versionId: at.versionId, nodeId: at.nodeId } }) };
  // One request per page with an explicit cursor (the input schema is strict).
  const runs = useInfiniteQuery({
    queryKey: [...trpc.workflowRuns.list.pathKey(), filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => client.workflowRuns.list.query({ ...filters, cursor: pageParam }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: 5000,
  });

  return (
    <section aria-labelledby="runs-heading" className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id="runs-heading" className="text-lg font-semibold">
          Runs
        </h2>
        <div className="flex flex-wrap items-center gap-2">
          {at && (
            <span className="inline-flex max-w-xs items-center gap-1 rounded-full bg-brand-50 py-1 pl-3 pr-1 text-sm text-brand-700 dark:bg-brand-700/30 dark:text-brand-100" data-testid="runs-at-step">
              <span className="truncate">At {at.label}</span>
              <button type="button" onClick={onClearAt} className="rounded-full p-1 hover:bg-brand-100 dark:hover:bg-brand-700/50" aria-label="Show runs at every step">
                <X className="h-3.5 w-3.5" aria-hidden />
              </button>
            </span>
          )}
          <Select className="w-auto" aria-label="Filter by status" value={status} onChange={(e) => setStatus(e.target.value as RunStatus | "")}>
            <option value="">Any status</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {RUN_STATUS_LABELS[s]}
              </option>
            ))}
          </Select>
        </div>
      </div>
      {runs.isPending ? (
        <Loading />
      ) : runs.isError ? (
        <LoadError error={runs.error} />
      ) : runs.data.pages[0]!.items.length === 0 ? (
        status || at ? (
          <EmptyState
            title={status ? `No ${RUN_STATUS_LABELS[status].toLowerCase()} runs${at ? " at this step" : ""}` : "No runs at this step"}
            description={at ? "No run waits at this step now or ended there." : "No run of this workflow has that status."}
            action={
              <Button
                variant="secondary"
                onClick={() => {
                  setStatus("");
                  onClearAt();
                }}
              >
                Show every run
              </Button>
            }
          />
        ) : (
          <EmptyState title="No runs yet" description="A run starts when a contact meets the trigger, or when you enrol contacts or start a test run." />
        )
      ) : (
        <>
          <Table aria-label="Runs">
            <thead>
              <tr>
                <Th>Contact</Th>
                <Th>Status</Th>
                <Th cardLabel="Now / end">Where it is / why it ended</Th>
                <Th>Version</Th>
                <Th>Started</Th>
              </tr>
            </thead>
            <tbody>
              {runs.data.pages.flatMap((page) =>
                page.items.map((run) => (
                  <tr key={run.id} data-run-id={run.id}>
                    <Td card="primary">
                      <Link className="font-medium text-brand-600 hover:underline dark:text-brand-100" href={`/workflows/${workflowId}/runs/${run.id}`}>
                        {contactName(run.contact) ?? run.contact.phone}
                      </Link>
                      {contactName(run.contact) && <span className="ml-2 font-mono text-xs text-zinc-500">{run.contact.phone}</span>}
                    </Td>
                    <Td card="badge">
                      <RunStatusBadge status={run.status} />
                    </Td>
                    <Td className="max-w-sm">{runPlace(run, graphs.get(run.version.version))}</Td>
                    <Td>v{run.version.version}</Td>
                    <Td className="whitespace-nowrap">{formatDateTime(run.startedAt)}</Td>
                  </tr>
                )),
              )}
            </tbody>
          </Table>
          {runs.hasNextPage && (
            <Button variant="secondary" onClick={() => runs.fetchNextPage()} loading={runs.isFetchingNextPage}>
              Load more runs
            </Button>
          )}
        </>
      )}
    </section>
  );
}
