import { describe, expect, it } from "vitest";
import { addStep, clipOf, connect, outputsOf, pasteSteps, removeSteps, updateData } from "@/components/workflows/graph-edit";
import type { WorkflowDraftGraph } from "@/lib/workflows/graph-model";

const at = { x: 0, y: 0 };
const base = (): WorkflowDraftGraph => ({
  nodes: [{ id: "t", type: "trigger", position: at, data: { trigger: { kind: "manual" } } }],
  edges: [],
});

describe("the canvas's edits", () => {
  it("hangs a new step from the chosen step's first open output, branch after branch", () => {
    let g = base();
    const send = addStep(g, "send_message", at, "t");
    g = send.graph;
    expect(g.edges).toEqual([expect.objectContaining({ source: "t", sourceHandle: "next", target: send.id })]);
    const ask = addStep(g, "wait_for_reply", at, send.id);
    g = ask.graph;
    const [yes, no] = outputsOf(g.nodes.find((n) => n.id === ask.id)!, g.edges);
    const first = addStep(g, "send_message", at, ask.id);
    g = first.graph;
    const second = addStep(g, "send_message", at, ask.id);
    g = second.graph;
    expect(g.edges.filter((e) => e.source === ask.id).map((e) => [e.sourceHandle, e.target])).toEqual([
      [yes!.handle, first.id],
      [no!.handle, second.id],
    ]);
    // Below the parent, spread by output.
    const y = (id: string) => g.nodes.find((n) => n.id === id)!.position.y;
    expect(y(first.id)).toBe(y(ask.id) + 170);
    expect(g.nodes.find((n) => n.id === first.id)!.position.x).toBeLessThan(g.nodes.find((n) => n.id === second.id)!.position.x);
  });

  it("gives an output one edge: connecting it again replaces the old one", () => {
    let g = addStep(base(), "exit", at).graph;
    const exit = g.nodes[1]!.id;
    g = addStep(g, "send_message", at).graph;
    const send = g.nodes[2]!.id;
    g = connect(g, "t", "next", exit);
    g = connect(g, "t", "next", send);
    expect(g.edges.map((e) => [e.source, e.sourceHandle, e.target])).toEqual([["t", "next", send]]);
    expect(connect(g, send, "next", send)).toBe(g);
  });

  it("removes steps with their edges, and edges alone", () => {
    let g = addStep(base(), "send_message", at, "t").graph;
    const send = g.nodes[1]!.id;
    g = addStep(g, "exit", at, send).graph;
    expect(removeSteps(g, new Set([send])).edges).toEqual([]);
    expect(removeSteps(g, new Set(), new Set([g.edges[0]!.id])).edges).toHaveLength(1);
  });

  it("pastes copies with fresh ids and the edges among them, never a second trigger", () => {
    let g = addStep(base(), "send_message", at, "t").graph;
    const send = g.nodes[1]!.id;
    g = addStep(g, "exit", at, send).graph;
    const pasted = pasteSteps(g, clipOf(g, new Set(g.nodes.map((n) => n.id))));
    expect(pasted.ids).toHaveLength(2);
    expect(pasted.graph.nodes.filter((n) => n.type === "trigger")).toHaveLength(1);
    expect(new Set(pasted.graph.nodes.map((n) => n.id)).size).toBe(5);
    const copyEdges = pasted.graph.edges.filter((e) => pasted.ids.includes(e.source));
    expect(copyEdges).toHaveLength(1);
    expect(pasted.ids).toContain(copyEdges[0]!.target);
  });

  it("drops the edge of a reply branch that was removed", () => {
    const r = addStep(base(), "wait_for_reply", at, "t");
    let g = r.graph;
    g = addStep(g, "exit", at, r.id).graph;
    const data = g.nodes.find((n) => n.id === r.id)!.data as { branches: unknown[] };
    expect(g.edges.filter((e) => e.source === r.id)).toHaveLength(1);
    g = updateData(g, r.id, { ...data, branches: data.branches.slice(1) });
    expect(g.edges.filter((e) => e.source === r.id)).toEqual([]);
  });
});
