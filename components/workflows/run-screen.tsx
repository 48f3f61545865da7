"use client";
// One run: the version it runs drawn with its path lit step by step (the current step marked), the
// timeline of what happened at each step, the trigger and its data, why it ended; Cancel while it
// is active. Refreshed every 3 s while active.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { XCircle } from "lucide-react";
import Link from "next/link";
import { useMemo, useState } from "react";
import { toast } from "sonner";
import { BackLink, DetailPageState } from "@/components/app/detail-page-state";
import { formatDateTime } from "@/components/app/format";
import { contactName } from "@/components/contacts/contact-name";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { RunCanvas } from "@/components/workflows/run-canvas";
import { RunTimeline } from "@/components/workflows/run-timeline";
import { RunTrigger } from "@/components/workflows/run-trigger";
import { RunStatusBadge, runPlace } from "@/components/workflows/run-words";
import type { WorkflowGraph } from "@/lib/workflows/graph-model";
import { errorMessage } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

export function RunScreen({ workflowId, runId }: { workflowId: string; runId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const run = useQuery(trpc.workflowRuns.get.queryOptions({ runId }, { retry: false, refetchInterval: (q) => (q.state.data?.status === "ACTIVE" ? 3000 : false) }));
  const options = useQuery(trpc.workflows.options.queryOptions(undefined, { refetchOnWindowFocus: false }));
  const cancel = useMutation(
    trpc.workflowRuns.cancel.mutationOptions({
      onSuccess: async () => {
        setConfirming(false);
        toast.success("Run canceled");
        await queryClient.invalidateQueries({ queryKey: trpc.workflowRuns.pathKey() });
      },
      onError: (e) => (setConfirming(false), toast.error(errorMessage(e))),
    }),
  );
  const path = useMemo(() => [...new Set(run.data?.steps.map((s) => s.nodeId) ?? [])], [run.data?.steps]);

  const back = { href: `/workflows/${workflowId}/runs`, label: run.data ? `Runs of ${run.data.workflow.name}` : "Runs" };
  if (run.isPending || run.isError) return <DetailPageState query={run} noun="run" back={back} />;
  const r = run.data;
  const graph = r.version.graph as WorkflowGraph;
  const who = contactName(r.contact) ?? r.contact.phone;

  return (
    <>
      <BackLink {...back} />
      <div className="mb-4 flex flex-wrap items-center gap-2">
        <h1 className="text-xl font-semibold tracking-tight">Run of {who}</h1>
        <RunStatusBadge status={r.status} />
        {r.test && <Badge>Test run</Badge>}
        {r.status === "ACTIVE" && (
          <Button className="ml-auto" variant="secondary" onClick={() => setConfirming(true)}>
            <XCircle className="h-4 w-4" aria-hidden /> Cancel run
          </Button>
        )}
      </div>
      <Card className="mb-4 p-4">
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-4">
          <Fact label="Contact">
            <Link href={`/contacts/${r.contact.id}`} className="text-brand-600 hover:underline dark:text-brand-100">
              {who}
            </Link>
            {contactName(r.contact) && <span className="ml-2 font-mono text-xs text-zinc-500">{r.contact.phone}</span>}
          </Fact>
          <Fact label={r.status === "ACTIVE" ? "Where it is" : "Why it ended"}>
            <span data-testid="run-place">{runPlace(r, graph)}</span>
          </Fact>
          <Fact label="Started">
            {formatDateTime(r.startedAt)} · version {r.version.version}
          </Fact>
          <Fact label={r.endedAt ? "Ended" : "Steps"}>{r.endedAt ? formatDateTime(r.endedAt) : r.stepCount}</Fact>
          <Fact label="Trigger" wide>
            <RunTrigger trigger={r.trigger} options={options.data} />
          </Fact>
        </dl>
      </Card>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <RunCanvas graph={graph} options={options.data} overlay={{ path, current: r.status === "ACTIVE" ? r.nodeId : null }} label="The run's path" />
        <section aria-labelledby="timeline-heading" className="lg:max-h-[calc(100vh-20rem)] lg:overflow-y-auto">
          <h2 id="timeline-heading" className="mb-2 text-base font-semibold">
            What happened
          </h2>
          {r.steps.length === 0 ? <p className="text-sm text-zinc-500">Not started yet.</p> : <RunTimeline run={r} graph={graph} options={options.data} />}
        </section>
      </div>
      <ConfirmDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        onConfirm={() => cancel.mutate({ runId })}
        pending={cancel.isPending}
        title="Cancel this run?"
        confirmLabel="Cancel run"
        cancelLabel="Keep it running"
      >
        {who} leaves the workflow now: nothing more is sent to them by this run. It cannot be resumed.
      </ConfirmDialog>
    </>
  );
}

function Fact({ label, children, wide }: { label: string; children: React.ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? "sm:col-span-2 lg:col-span-4" : undefined}>
      <dt className="text-xs font-medium uppercase tracking-wide text-zinc-500">{label}</dt>
      <dd className="mt-0.5">{children}</dd>
    </div>
  );
}
