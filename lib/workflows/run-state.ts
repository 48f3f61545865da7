// A run as the interpreter sees it: its version's graph and settings (immutable, read once), its
// trigger, where it is. What a step carries to the next (a step's output: plain JSON).
import type { OrgContext } from "@/lib/org-context";
import { workflowGraph, workflowSettings, type WorkflowGraph, type WorkflowNode, type WorkflowSettings } from "@/lib/workflows/graph-model";

export interface RunTrigger {
  kind: string;
  data: Record<string, unknown>;
}

/** What a run's Inngest function carries between its steps (a step's output: plain JSON). */
export interface RunSnapshot {
  runId: string;
  workflowId: string;
  versionId: string;
  contactId: string;
  test: boolean;
  graph: WorkflowGraph;
  settings: WorkflowSettings;
  trigger: RunTrigger;
  /** Where the run is: the node it waits at, or the trigger node before its first step. */
  nodeId: string | null;
}

export async function loadVersion(ctx: OrgContext, versionId: string): Promise<{ graph: WorkflowGraph; settings: WorkflowSettings }> {
  const version = await ctx.db.workflowVersion.findUniqueOrThrow({ where: { id: versionId }, select: { graph: true, settings: true } });
  return { graph: workflowGraph.parse(version.graph), settings: workflowSettings.parse(version.settings) };
}

/** The run if it is still active, else null (canceled, exited by a STOP, ended). */
export async function loadRun(ctx: OrgContext, runId: string): Promise<RunSnapshot | null> {
  const run = await ctx.db.workflowRun.findUnique({ where: { id: runId } });
  if (!run || run.status !== "ACTIVE") return null;
  const { graph, settings } = await loadVersion(ctx, run.versionId);
  return {
    runId: run.id,
    workflowId: run.workflowId,
    versionId: run.versionId,
    contactId: run.contactId,
    test: run.test,
    graph,
    settings,
    trigger: run.trigger as unknown as RunTrigger,
    nodeId: run.nodeId,
  };
}

export function nodeById(graph: WorkflowGraph, nodeId: string): WorkflowNode {
  const node = graph.nodes.find((n) => n.id === nodeId);
  if (!node) throw new Error(`The workflow's graph has no node ${nodeId}`);
  return node;
}
