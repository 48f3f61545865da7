"use client";
// A workflow's page: the editor over its draft, with the org's choices for its pickers.
import { useQuery } from "@tanstack/react-query";
import { ReactFlowProvider } from "@xyflow/react";
import { BackLink, DetailPageState } from "@/components/app/detail-page-state";
import { LoadError } from "@/components/ui/query-state";
import type { CanvasOverlay } from "@/components/workflows/workflow-canvas";
import { WorkflowEditor } from "@/components/workflows/workflow-editor";
import { WorkflowTabs } from "@/components/workflows/workflow-tabs";
import { useTRPC } from "@/lib/trpc/react";

const back = { href: "/workflows", label: "Workflows" };

export function WorkflowScreen({ id, overlay }: { id: string; overlay?: CanvasOverlay }) {
  const trpc = useTRPC();
  // Read once: the editor then owns the draft (autosaved); refetching would not replace it.
  const workflow = useQuery(trpc.workflows.get.queryOptions({ id }, { retry: false, refetchOnWindowFocus: false }));
  const options = useQuery(trpc.workflows.options.queryOptions(undefined, { refetchOnWindowFocus: false }));
  if (workflow.isPending || workflow.isError) return <DetailPageState query={workflow} noun="workflow" back={back} />;
  return (
    <>
      <BackLink {...back} />
      <h1 className="mb-3 text-xl font-semibold tracking-tight" data-testid="workflow-name">
        {workflow.data.name}
      </h1>
      <WorkflowTabs id={id} />
      {options.isError ? (
        <LoadError error={options.error} />
      ) : options.isPending ? (
        <p className="text-sm text-zinc-500">Loading…</p>
      ) : (
        <ReactFlowProvider>
          <WorkflowEditor key={workflow.data.id} workflow={workflow.data} options={options.data} overlay={overlay} />
        </ReactFlowProvider>
      )}
    </>
  );
}
