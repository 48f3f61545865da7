"use client";
// The executor's runs, newest first, filtered by status or function, with "Load more".
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { formatDateTime } from "@/components/app/format";
import { errorText, formatDuration, RunStatusBadge } from "@/components/jobs/run-status-badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Select } from "@/components/ui/input";
import { LoadError, Loading } from "@/components/ui/query-state";
import { Table, Td, Th } from "@/components/ui/table";
import { JOB_RUN_STATUSES } from "@/lib/job-runs/job-runs-input";
import { useTRPC, useTRPCClient } from "@/lib/trpc/react";

type Status = (typeof JOB_RUN_STATUSES)[number];

export function JobRuns() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [status, setStatus] = useState<Status | "">("");
  const [functionId, setFunctionId] = useState("");
  const filters = { ...(status && { status }), ...(functionId && { functionId }) };
  const filtered = Boolean(status || functionId);
  const clearFilters = () => {
    setStatus("");
    setFunctionId("");
  };
  // One request per page with an explicit cursor (the input schema is strict).
  const runs = useInfiniteQuery({
    queryKey: [...trpc.jobs.runs.pathKey(), filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => client.jobs.runs.query({ ...filters, cursor: pageParam }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: 5000,
  });
  const functions = useQuery(trpc.jobs.functions.queryOptions());

  return (
    <section aria-labelledby="runs-heading" className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id="runs-heading" className="text-lg font-semibold">
          Runs
        </h2>
        <div className="flex gap-2">
          <Select aria-label="Filter by status" value={status} onChange={(e) => setStatus(e.target.value as Status | "")}>
            <option value="">Any status</option>
            {JOB_RUN_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s.charAt(0) + s.slice(1).toLowerCase()}
              </option>
            ))}
          </Select>
          <Select aria-label="Filter by function" value={functionId} onChange={(e) => setFunctionId(e.target.value)}>
            <option value="">Any function</option>
            {functions.data?.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
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
        filtered ? (
          <EmptyState
            title="No runs match these filters"
            description="Nothing matches the status and function picked above."
            action={
              <Button variant="secondary" onClick={clearFilters}>
                Clear filters
              </Button>
            }
          />
        ) : (
          <EmptyState title="No runs yet" description="Runs appear here when an event starts a function, such as sending a message." />
        )
      ) : (
        <>
          <Table aria-label="Runs">
            <thead>
              <tr>
                <Th>Run</Th>
                <Th>Function</Th>
                <Th>Status</Th>
                <Th>Steps</Th>
                <Th>Started</Th>
                <Th>Duration</Th>
                <Th>Error</Th>
              </tr>
            </thead>
            <tbody>
              {runs.data.pages.flatMap((page) =>
                page.items.map((run) => (
                  <tr key={run.id}>
                    <Td className="font-mono text-xs">
                      <Link className="text-brand-600 hover:underline" href={`/jobs/${run.id}`}>
                        {run.id}
                      </Link>
                      {run.replayOfId && <span className="ml-1 text-zinc-500">(replay)</span>}
                    </Td>
                    <Td card="primary">{run.functionId}</Td>
                    <Td card="badge">
                      <RunStatusBadge status={run.status} />
                    </Td>
                    <Td>{run.stepCount}</Td>
                    <Td className="whitespace-nowrap">{formatDateTime(run.startedAt ?? run.createdAt)}</Td>
                    <Td>{formatDuration(run.durationMs)}</Td>
                    <Td className="max-w-xs truncate text-red-600 dark:text-red-400">{errorText(run.error)}</Td>
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
