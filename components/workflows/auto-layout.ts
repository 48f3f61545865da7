// Auto-layout: the graph laid out top to bottom by dagre, each output's edge in its order, so a
// reply's branches fan out left to right as its node lists them.
import dagre from "@dagrejs/dagre";
import type { WorkflowDraftGraph } from "@/lib/workflows/graph-model";

export const NODE_WIDTH = 240;
const NODE_HEIGHT = 110;

export function autoLayout(graph: WorkflowDraftGraph, sizes: ReadonlyMap<string, { width: number; height: number }>): WorkflowDraftGraph {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: "TB", nodesep: 40, ranksep: 70 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of graph.nodes) {
    const size = sizes.get(n.id) ?? { width: NODE_WIDTH, height: NODE_HEIGHT };
    g.setNode(n.id, { width: size.width, height: size.height });
  }
  for (const e of graph.edges) if (g.hasNode(e.source) && g.hasNode(e.target)) g.setEdge(e.source, e.target);
  dagre.layout(g);
  return {
    ...graph,
    nodes: graph.nodes.map((n) => {
      const p = g.node(n.id);
      const size = sizes.get(n.id) ?? { width: NODE_WIDTH, height: NODE_HEIGHT };
      return p ? { ...n, position: { x: Math.round(p.x - size.width / 2), y: Math.round(p.y - size.height / 2) } } : n;
    }),
  };
}
