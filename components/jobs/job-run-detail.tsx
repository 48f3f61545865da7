"use client";
// One run: its steps with timings and errors, the events it started from, and cancel / replay.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { formatDateTime } from "@/components/app/format";
import { errorText, formatDuration, RunStatusBadge } from "@/components/jobs/run-status-badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { LoadError, Loading } from "@/components/ui/query-state";
import { Table, Td, Th } from "@/components/ui/table";
import { errorMessage } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

const ACTIVE = new Set(["QUEUED", "RUNNING"]);

function Json({ value }: { value: unknown }) {
  return (
    <pre className="max-h-64 overflow-auto rounded bg-zinc-100 p-3 text-xs dark:bg-zinc-950">{JSON.stringify(value, null, 2)}</pre>
  );
}

export function JobRunDetail({ runId }: { runId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const run = useQuery({
    ...trpc.jobs.run.queryOptions({ runId }),
    refetchInterval: (q) => (q.state.data && ACTIVE.has(q.state.data.status) ? 2000 : false),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.jobs.pathKey() });
  const cancel = useMutation(
    trpc.jobs.cancel.mutationOptions({
      onSuccess: () => toast.success("Run cancelled"),
      onError: (e) => toast.error(errorMessage(e)),
      onSettled: refresh,
    }),
  );
  const replay = useMutation(
    trpc.jobs.replay.mutationOptions({
      onSuccess: (r) => {
        toast.success("Replay started");
        router.push(`/jobs/${r.runId}`);
      },
      onError: (e) => toast.error(errorMessage(e)),
      onSettled: refresh,
    }),
  );

  if (run.isPending) return <Loading />;
  if (run.isError) return <LoadError error={run.error} />;
  const r = run.data;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <Link href="/jobs" className="text-sm text-zinc-500 hover:underline">
            ← Jobs
          </Link>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight">{r.functionName}</h1>
          <p className="mt-1 flex items-center gap-2 font-mono text-xs text-zinc-500">
            {r.id} <RunStatusBadge status={r.status} />
          </p>
        </div>
        <div className="flex gap-2">
          {ACTIVE.has(r.status) ? (
            <Button variant="danger" loading={cancel.isPending} onClick={() => cancel.mutate({ runId })}>
              Cancel run
            </Button>
          ) : (
            <Button variant="secondary" loading={replay.isPending} onClick={() => replay.mutate({ runId })}>
              Replay run
            </Button>
          )}
        </div>
      </div>
      <Card className="grid gap-4 p-5 text-sm sm:grid-cols-4">
        <div>
          <p className="text-zinc-500">Queued</p>
          <p>{formatDateTime(r.createdAt)}</p>
        </div>
        <div>
          <p className="text-zinc-500">Started</p>
          <p>{r.startedAt ? formatDateTime(r.startedAt) : "—"}</p>
        </div>
        <div>
          <p className="text-zinc-500">Ended</p>
          <p>{r.endedAt ? formatDateTime(r.endedAt) : "—"}</p>
        </div>
        <div>
          <p className="text-zinc-500">Duration</p>
          <p>{formatDuration(r.durationMs)}</p>
        </div>
      </Card>
      {r.error != null && (
        <Card className="border-red-300 p-5 dark:border-red-900">
          <h2 className="mb-2 font-semibold text-red-700 dark:text-red-400">{errorText(r.error)}</h2>
          <Json value={r.error} />
        </Card>
      )}
      <section aria-labelledby="steps-heading" className="space-y-3">
        <h2 id="steps-heading" className="text-lg font-semibold">
          Steps
        </h2>
        {r.steps.length === 0 ? (
          <p className="text-sm text-zinc-500">No steps recorded yet.</p>
        ) : (
          <Table aria-label="Steps">
            <thead>
              <tr>
                <Th>Step</Th>
                <Th>Kind</Th>
                <Th>Status</Th>
                <Th>Attempts</Th>
                <Th>Started</Th>
                <Th>Duration</Th>
                <Th>Error</Th>
              </tr>
            </thead>
            <tbody>
              {r.steps.map((s) => (
                <tr key={s.id}>
                  <Td className="font-medium">{s.name}</Td>
                  <Td className="text-zinc-500">{s.op}</Td>
                  <Td card="badge">
                    <RunStatusBadge status={s.status} />
                  </Td>
                  <Td>{s.attempts}</Td>
                  <Td className="whitespace-nowrap">{s.startedAt ? formatDateTime(s.startedAt) : "—"}</Td>
                  <Td>{formatDuration(s.durationMs)}</Td>
                  <Td className="max-w-xs truncate text-red-600 dark:text-red-400">{errorText(s.error)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>
      <section aria-labelledby="events-heading" className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <div>
          <h2 id="events-heading" className="mb-2 text-lg font-semibold">
            Events
          </h2>
          <Json value={r.events} />
        </div>
        <div>
          <h2 className="mb-2 text-lg font-semibold">Output</h2>
          <Json value={r.output ?? null} />
        </div>
      </section>
    </div>
  );
}
