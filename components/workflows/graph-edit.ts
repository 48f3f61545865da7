// The canvas's edits of a draft graph, pure: add a step (joined to the chosen step's first open
// output), connect (an output takes one edge: a new one replaces the old), remove, paste copies
// with fresh ids.
import { nodeOutputs, workflowNode, type DraftNode, type WorkflowDraftGraph, type WorkflowEdge, type WorkflowNodeType } from "@/lib/workflows/graph-model";
import { defaultData, newStepId } from "@/components/workflows/node-catalog";

/** The outputs a draft node has now; a half-typed node keeps the ones its edges use. */
export function outputsOf(node: DraftNode, edges: readonly WorkflowEdge[]): { handle: string; label: string }[] {
  const parsed = workflowNode.safeParse(node);
  if (parsed.success) return nodeOutputs(parsed.data);
  if (node.type === "exit") return [];
  // Reply branches and splits name their outputs by their branches, even half-typed.
  const branches = (node.data as { branches?: { id?: unknown; label?: unknown; weight?: unknown }[] }).branches;
  if (Array.isArray(branches) && (node.type === "wait_for_reply" || node.type === "random_split")) {
    const own = branches.filter((b) => typeof b.id === "string").map((b) => ({ handle: b.id as string, label: String(b.label || "Branch") + (node.type === "random_split" ? ` (${String(b.weight)}%)` : "") }));
    return node.type === "wait_for_reply" ? [...own, { handle: "other", label: "Other reply" }, { handle: "timeout", label: "No reply" }] : own;
  }
  if (node.type === "condition") return [{ handle: "yes", label: "Yes" }, { handle: "no", label: "No" }];
  if (node.type === "webhook") return [{ handle: "success", label: "Success" }, { handle: "failure", label: "Failure" }];
  const used = edges.filter((e) => e.source === node.id).map((e) => ({ handle: e.sourceHandle, label: e.sourceHandle }));
  return used.length ? used : [{ handle: "next", label: "Next" }];
}

export function connect(graph: WorkflowDraftGraph, source: string, sourceHandle: string, target: string): WorkflowDraftGraph {
  if (source === target) return graph;
  const edges = graph.edges.filter((e) => !(e.source === source && e.sourceHandle === sourceHandle));
  return { ...graph, edges: [...edges, { id: newStepId("e"), source, sourceHandle, target }] };
}

/** A new step: below `after` and joined to its first open output when one is chosen, else at `at`. */
export function addStep(graph: WorkflowDraftGraph, type: WorkflowNodeType, at: { x: number; y: number }, after?: string | null): { graph: WorkflowDraftGraph; id: string } {
  const id = newStepId(type === "trigger" ? "trigger" : "n");
  const from = after ? graph.nodes.find((n) => n.id === after) : undefined;
  const open = from ? outputsOf(from, graph.edges).filter((o) => !graph.edges.some((e) => e.source === from.id && e.sourceHandle === o.handle)) : [];
  const position = from
    ? { x: from.position.x + (open.length ? (outputsOf(from, graph.edges).findIndex((o) => o.handle === open[0]!.handle) - (outputsOf(from, graph.edges).length - 1) / 2) * 260 : 0), y: from.position.y + 170 }
    : at;
  let next: WorkflowDraftGraph = { ...graph, nodes: [...graph.nodes, { id, type, position, data: defaultData(type) }] };
  if (from && open.length && type !== "trigger") next = connect(next, from.id, open[0]!.handle, id);
  return { graph: next, id };
}

export function removeSteps(graph: WorkflowDraftGraph, nodeIds: ReadonlySet<string>, edgeIds: ReadonlySet<string> = new Set()): WorkflowDraftGraph {
  if (!nodeIds.size && !edgeIds.size) return graph;
  return {
    nodes: graph.nodes.filter((n) => !nodeIds.has(n.id)),
    edges: graph.edges.filter((e) => !edgeIds.has(e.id) && !nodeIds.has(e.source) && !nodeIds.has(e.target)),
  };
}

/** Copies of steps (and the edges among them) with fresh ids, shifted so they do not sit on the originals. */
export function pasteSteps(graph: WorkflowDraftGraph, clip: WorkflowDraftGraph, offset = 40): { graph: WorkflowDraftGraph; ids: string[] } {
  const hasTrigger = graph.nodes.some((n) => n.type === "trigger");
  const nodes = clip.nodes.filter((n) => !(n.type === "trigger" && hasTrigger));
  const ids = new Map(nodes.map((n) => [n.id, newStepId(n.type === "trigger" ? "trigger" : "n")]));
  const copies = nodes.map((n) => ({ ...structuredClone(n), id: ids.get(n.id)!, position: { x: n.position.x + offset, y: n.position.y + offset } }));
  const edges = clip.edges.filter((e) => ids.has(e.source) && ids.has(e.target)).map((e) => ({ ...e, id: newStepId("e"), source: ids.get(e.source)!, target: ids.get(e.target)! }));
  return { graph: { nodes: [...graph.nodes, ...copies], edges: [...graph.edges, ...edges] }, ids: copies.map((c) => c.id) };
}

/** The chosen steps and the edges among them: what Ctrl/Cmd+C copies. */
export function clipOf(graph: WorkflowDraftGraph, nodeIds: ReadonlySet<string>): WorkflowDraftGraph {
  return { nodes: graph.nodes.filter((n) => nodeIds.has(n.id)), edges: graph.edges.filter((e) => nodeIds.has(e.source) && nodeIds.has(e.target)) };
}

/** A step's data changed; edges from outputs it no longer has (a removed reply branch) go with them. */
export function updateData(graph: WorkflowDraftGraph, id: string, data: Record<string, unknown>): WorkflowDraftGraph {
  const nodes = graph.nodes.map((n) => (n.id === id ? { ...n, data } : n));
  const node = nodes.find((n) => n.id === id);
  if (!node) return graph;
  const outputs = new Set(outputsOf(node, graph.edges).map((o) => o.handle));
  return { nodes, edges: graph.edges.filter((e) => e.source !== id || outputs.has(e.sourceHandle)) };
}
