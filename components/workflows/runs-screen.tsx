"use client";
// A workflow's runs: a published version drawn read-only with per-step counters (entered, waiting
// now, completed and exited there; refreshed every 5 s), the runs table (narrowed to a step chosen
// on the canvas), and what can be done to runs: enrol lists and segments, a test run, moving waiting runs to another version.
import { useQuery } from "@tanstack/react-query";
import { FlaskConical, MoveRight, UserPlus } from "lucide-react";
import Link from "next/link";
import { useMemo, useState } from "react";
import { BackLink, DetailPageState } from "@/components/app/detail-page-state";
import { formatDate } from "@/components/app/format";
import { Button, buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Select } from "@/components/ui/input";
import { LoadError } from "@/components/ui/query-state";
import { EnrollDialog } from "@/components/workflows/enroll-dialog";
import { MigrateRunsDialog } from "@/components/workflows/migrate-runs-dialog";
import { RunCanvas } from "@/components/workflows/run-canvas";
import { RunsTable, type RunsAtStep } from "@/components/workflows/runs-table";
import { TestRunDialog } from "@/components/workflows/test-run-dialog";
import { WorkflowStatusBadge } from "@/components/workflows/workflow-status-badge";
import { WorkflowTabs } from "@/components/workflows/workflow-tabs";
import type { WorkflowGraph } from "@/lib/workflows/graph-model";
import { NODE_LABELS } from "@/lib/workflows/labels";
import { useTRPC } from "@/lib/trpc/react";

const back = { href: "/workflows", label: "Workflows" };
type Open = "enroll" | "test" | "migrate" | null;

export function RunsScreen({ id }: { id: string }) {
  const trpc = useTRPC();
  const workflow = useQuery(trpc.workflows.get.queryOptions({ id }, { retry: false }));
  const options = useQuery(trpc.workflows.options.queryOptions(undefined, { refetchOnWindowFocus: false }));
  const [picked, setPicked] = useState<string | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const versionId = picked ?? workflow.data?.publishedVersionId ?? workflow.data?.versions[0]?.id ?? null;
  const version = useQuery({ ...trpc.workflowRuns.version.queryOptions({ versionId: versionId ?? "" }), enabled: !!versionId, staleTime: Infinity });
  const counters = useQuery({ ...trpc.workflowRuns.counters.queryOptions({ versionId: versionId ?? "" }), enabled: !!versionId, refetchInterval: 5000 });
  // Every step shows its figures, zeros included: a step no run reached reads as such, not as blank.
  const counts = useMemo(
    () => Object.fromEntries((version.data?.graph.nodes ?? []).map((n) => [n.id, counters.data?.[n.id] ?? { entered: 0, waiting: 0, completed: 0, exited: 0 }])),
    [version.data, counters.data],
  );
  const graphs = useMemo(() => new Map<number, WorkflowGraph>(version.data ? [[version.data.version, version.data.graph]] : []), [version.data]);
  const chosenStep = chosen && version.data ? version.data.graph.nodes.find((n) => n.id === chosen) : undefined;
  const at: RunsAtStep | null = chosenStep && versionId ? { versionId, nodeId: chosenStep.id, label: `${NODE_LABELS[chosenStep.type]} (v${version.data!.version})` } : null;

  if (workflow.isPending || workflow.isError) return <DetailPageState query={workflow} noun="workflow" back={back} />;
  const w = workflow.data;
  const active = w.status === "ACTIVE" && w.publishedVersionId !== null;

  return (
    <>
      <BackLink {...back} />
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <h1 className="text-xl font-semibold tracking-tight" data-testid="workflow-name">
          {w.name}
        </h1>
        <WorkflowStatusBadge status={w.status} />
        {w.publishedVersion !== null && <span className="text-xs text-zinc-500">Version {w.publishedVersion} live</span>}
      </div>
      <WorkflowTabs id={id} />
      {w.versions.length === 0 ? (
        <EmptyState
          title="Not published yet"
          description="Runs start once the workflow is published: contacts who meet its trigger go through the published version."
          action={
            <Link href={`/workflows/${id}`} className={buttonClass()}>
              Open the editor
            </Link>
          }
        />
      ) : (
        <div className="space-y-6">
          <div className="flex flex-wrap items-end gap-2">
            <label className="flex flex-col gap-1 text-sm font-medium text-zinc-700 dark:text-zinc-300">
              Version
              <Select
                value={versionId ?? ""}
                onChange={(e) => {
                  setPicked(e.target.value);
                  setChosen(null);
                }}
                aria-label="Version shown"
              >
                {w.versions.map((v) => (
                  <option key={v.id} value={v.id}>
                    Version {v.version}
                    {v.id === w.publishedVersionId ? " (live)" : ""} · {formatDate(v.publishedAt)}
                  </option>
                ))}
              </Select>
            </label>
            <div className="ml-auto flex flex-wrap gap-2">
              {active && (
                <>
                  <Button variant="secondary" onClick={() => setOpen("enroll")}>
                    <UserPlus className="h-4 w-4" aria-hidden /> Enrol contacts
                  </Button>
                  <Button variant="secondary" onClick={() => setOpen("test")}>
                    <FlaskConical className="h-4 w-4" aria-hidden /> Test run
                  </Button>
                </>
              )}
              {w.versions.length > 1 && (
                <Button variant="secondary" onClick={() => setOpen("migrate")}>
                  <MoveRight className="h-4 w-4" aria-hidden /> Move waiting runs
                </Button>
              )}
            </div>
          </div>
          {version.isError ? (
            <LoadError error={version.error} />
          ) : version.data ? (
            <div className="space-y-1">
              <RunCanvas
                graph={version.data.graph}
                options={options.data}
                overlay={{ counts }}
                label={`Version ${version.data.version} with its run counters`}
                chosen={at?.nodeId ?? null}
                onChoose={setChosen}
              />
              <p className="text-xs text-zinc-500">
                On each step: <b>In</b> runs that entered it · <b>Wait</b> waiting there now · <b>Done</b> completed there · <b>Exit</b> exited there. Test runs are not counted. Choose a step
                to list the runs waiting or ended there.
              </p>
            </div>
          ) : (
            <p className="text-sm text-zinc-500">Loading…</p>
          )}
          <RunsTable workflowId={id} graphs={graphs} at={at} onClearAt={() => setChosen(null)} />
        </div>
      )}
      {active && <EnrollDialog open={open === "enroll"} onClose={() => setOpen(null)} workflowId={id} options={options.data} />}
      {active && <TestRunDialog open={open === "test"} onClose={() => setOpen(null)} workflowId={id} />}
      {w.versions.length > 1 && <MigrateRunsDialog open={open === "migrate"} onClose={() => setOpen(null)} workflow={w} options={options.data} />}
    </>
  );
}
