"use client";
// "Move waiting runs": runs waiting in one version move to another, step by step as mapped (each
// step of the old version where runs wait now → a step of the new one, or left where they are).
// workflowRuns.migrate moves only runs in a wait (a delay, a time, a reply); held ones stay.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { formatCount } from "@/components/app/format";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { nodeTitle, summarize } from "@/components/workflows/node-catalog";
import type { WorkflowView } from "@/components/workflows/workflow-types";
import type { EditorOptions } from "@/lib/workflows/editor-options";
import type { WorkflowNode } from "@/lib/workflows/graph-model";
import { errorMessage } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

const LEAVE = "";
const stepLabel = (n: WorkflowNode, options: EditorOptions | undefined) => `${nodeTitle(n.type)}: ${summarize(n, options)}`;

export function MigrateRunsDialog({ open, onClose, workflow, options }: { open: boolean; onClose: () => void; workflow: WorkflowView; options: EditorOptions | undefined }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const live = workflow.publishedVersionId ?? workflow.versions[0]!.id;
  const [toId, setToId] = useState(live);
  const [fromId, setFromId] = useState(() => workflow.versions.find((v) => v.id !== live)?.id ?? workflow.versions[0]!.id);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const from = useQuery({ ...trpc.workflowRuns.version.queryOptions({ versionId: fromId }), enabled: open, staleTime: Infinity });
  const to = useQuery({ ...trpc.workflowRuns.version.queryOptions({ versionId: toId }), enabled: open, staleTime: Infinity });
  const counters = useQuery({ ...trpc.workflowRuns.counters.queryOptions({ versionId: fromId }), enabled: open });
  const migrate = useMutation(trpc.workflowRuns.migrate.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.workflowRuns.pathKey() }) }));

  const waitingSteps = (from.data?.graph.nodes ?? []).filter((n) => (counters.data?.[n.id]?.waiting ?? 0) > 0);
  const targets = (to.data?.graph.nodes ?? []).filter((n) => n.type !== "trigger");
  // Unless chosen, a step maps to the step of the same id in the new version (an edited step keeps its id).
  const mapped = (nodeId: string) => mapping[nodeId] ?? (targets.some((t) => t.id === nodeId) ? nodeId : LEAVE);
  const pairs = Object.fromEntries(waitingSteps.flatMap((n) => (mapped(n.id) ? [[n.id, mapped(n.id)]] : [])));
  const close = () => {
    setMapping({});
    migrate.reset();
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    migrate.mutate({ workflowId: workflow.id, fromVersionId: fromId, toVersionId: toId, mapping: pairs });
  };
  const versionOptions = workflow.versions.map((v) => (
    <option key={v.id} value={v.id}>
      Version {v.version}
      {v.id === workflow.publishedVersionId ? " (live)" : ""}
    </option>
  ));

  return (
    <Dialog open={open} onClose={close} title="Move waiting runs">
      {migrate.isSuccess ? (
        <div className="space-y-4">
          <p role="status" className="text-sm" data-testid="moved">
            {migrate.data.moved === 0 ? "No run moved: none was waiting at the mapped steps any more." : `${formatCount(migrate.data.moved, "run")} moved. They go on in the new version when their wait ends.`}
          </p>
          <div className="flex justify-end">
            <Button onClick={close}>Done</Button>
          </div>
        </div>
      ) : (
        <form onSubmit={submit} className="space-y-4">
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <Field label="From">
              <Select value={fromId} onChange={(e) => (setFromId(e.target.value), setMapping({}))}>
                {versionOptions}
              </Select>
            </Field>
            <Field label="To">
              <Select value={toId} onChange={(e) => (setToId(e.target.value), setMapping({}))}>
                {versionOptions}
              </Select>
            </Field>
          </div>
          {fromId === toId ? (
            <p className="text-sm text-zinc-500">Choose two different versions.</p>
          ) : from.isPending || to.isPending || counters.isPending ? (
            <p className="text-sm text-zinc-500">Loading…</p>
          ) : waitingSteps.length === 0 ? (
            <p className="text-sm text-zinc-500" data-testid="nothing-waiting">
              No run is waiting in this version now.
            </p>
          ) : (
            <div className="space-y-3">
              <p className="text-sm text-zinc-600 dark:text-zinc-400">For each step where runs wait now, the step of the new version they wait at instead. Runs held (paused, quiet hours, a teammate) stay.</p>
              {waitingSteps.map((n) => (
                <Field key={n.id} label={`${stepLabel(n, options)} (${formatCount(counters.data?.[n.id]?.waiting ?? 0, "run")} waiting)`}>
                  <Select value={mapped(n.id)} onChange={(e) => setMapping({ ...mapping, [n.id]: e.target.value })}>
                    <option value={LEAVE}>Leave them in the old version</option>
                    {targets.map((t) => (
                      <option key={t.id} value={t.id}>
                        {stepLabel(t, options)}
                      </option>
                    ))}
                  </Select>
                </Field>
              ))}
            </div>
          )}
          {migrate.isError && (
            <p role="alert" className="text-sm font-medium text-red-600 dark:text-red-400">
              {errorMessage(migrate.error)}
            </p>
          )}
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" disabled={fromId === toId || Object.keys(pairs).length === 0} loading={migrate.isPending}>
              Move runs
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
