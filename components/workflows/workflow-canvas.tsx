"use client";
// The canvas (@xyflow/react) over a draft graph the editor holds: steps drawn by StepNodeView, drag
// to connect (an output takes one edge), zoom and pan, a minimap and controls, multi-select (a
// shift-drag box, shift-click), delete (Backspace/Delete), steps dropped from the palette, and the
// run figures of an optional overlay. Every edit goes back to the editor as a new graph, so undo,
// autosave and validation see one source of truth.
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type Edge,
  type EdgeChange,
  type NodeChange,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useCallback, useMemo, useState, type DragEvent } from "react";
import { connect, outputsOf, removeSteps } from "@/components/workflows/graph-edit";
import { summarize } from "@/components/workflows/node-catalog";
import { useDarkMode } from "@/components/workflows/use-dark-mode";
import { StepNodeView, type NodeCounts, type StepNode } from "@/components/workflows/workflow-node";
import type { EditorOptions } from "@/lib/workflows/editor-options";
import type { WorkflowDraftGraph, WorkflowNodeType } from "@/lib/workflows/graph-model";
import type { WorkflowProblem } from "@/lib/workflows/validate-graph";

/** Run figures drawn on the steps: counts per step, and the steps of one run's path lit (its current step marked). */
export interface CanvasOverlay {
  counts?: Record<string, NodeCounts>;
  path?: string[];
  current?: string | null;
}

export const STEP_DRAG_TYPE = "application/x-textstack-step";
const nodeTypes = { step: StepNodeView };

export function WorkflowCanvas({
  graph,
  options,
  problems,
  selected,
  onSelect,
  onCommit,
  onMove,
  onMoveStart,
  onDropStep,
  overlay,
  readOnly = false,
}: {
  graph: WorkflowDraftGraph;
  options: EditorOptions | undefined;
  problems: readonly WorkflowProblem[];
  selected: ReadonlySet<string>;
  onSelect: (ids: Set<string>) => void;
  /** An edit that is a step of its own (undoable). */
  onCommit: (next: (g: WorkflowDraftGraph) => WorkflowDraftGraph) => void;
  /** Positions while steps are dragged (one undo step from onMoveStart). */
  onMove: (next: (g: WorkflowDraftGraph) => WorkflowDraftGraph) => void;
  onMoveStart: () => void;
  onDropStep: (type: WorkflowNodeType, at: { x: number; y: number }) => void;
  overlay?: CanvasOverlay;
  readOnly?: boolean;
}) {
  const dark = useDarkMode();
  const flow = useReactFlow();
  const [measured, setMeasured] = useState<ReadonlyMap<string, { width: number; height: number }>>(new Map());
  const [selectedEdges, setSelectedEdges] = useState<ReadonlySet<string>>(new Set());

  const nodeProblems = useMemo(() => {
    const by = new Map<string, string[]>();
    for (const p of problems) if (p.nodeId) by.set(p.nodeId, [...(by.get(p.nodeId) ?? []), p.message]);
    return by;
  }, [problems]);
  const badEdges = useMemo(() => new Set(problems.flatMap((p) => (p.edgeId ? [p.edgeId] : []))), [problems]);
  const lit = useMemo(() => new Set(overlay?.path ?? []), [overlay?.path]);
  const current = overlay?.current ?? null;

  const nodes: StepNode[] = useMemo(
    () =>
      graph.nodes.map((step) => ({
        id: step.id,
        type: "step" as const,
        position: step.position,
        selected: selected.has(step.id),
        measured: measured.get(step.id),
        deletable: !readOnly,
        data: {
          step,
          summary: summarize(step, options),
          outputs: outputsOf(step, graph.edges).map((o) => ({ ...o, connected: graph.edges.some((e) => e.source === step.id && e.sourceHandle === o.handle) })),
          problems: nodeProblems.get(step.id) ?? [],
          counts: overlay?.counts?.[step.id],
          lit: lit.has(step.id),
          current: current === step.id,
        },
      })),
    [graph, selected, measured, options, nodeProblems, overlay?.counts, current, lit, readOnly],
  );
  const edges: Edge[] = useMemo(
    () =>
      graph.edges.map((e) => ({
        id: e.id,
        source: e.source,
        sourceHandle: e.sourceHandle,
        target: e.target,
        selected: selectedEdges.has(e.id),
        animated: lit.has(e.source) && lit.has(e.target),
        style: badEdges.has(e.id) ? { stroke: "#dc2626", strokeWidth: 2 } : undefined,
      })),
    [graph.edges, selectedEdges, badEdges, lit],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<StepNode>[]) => {
      const sizes = changes.filter((c) => c.type === "dimensions" && c.dimensions);
      if (sizes.length) {
        setMeasured((m) => {
          const next = new Map(m);
          for (const c of sizes) if (c.type === "dimensions" && c.dimensions) next.set(c.id, c.dimensions);
          return next;
        });
      }
      const moves = new Map(changes.flatMap((c) => (c.type === "position" && c.position ? [[c.id, c.position] as const] : [])));
      if (moves.size) onMove((g) => ({ ...g, nodes: g.nodes.map((n) => (moves.has(n.id) ? { ...n, position: moves.get(n.id)! } : n)) }));
      const selects = changes.filter((c) => c.type === "select");
      if (selects.length) {
        const next = new Set(selected);
        for (const c of selects) {
          if (c.type !== "select") continue;
          if (c.selected) next.add(c.id);
          else next.delete(c.id);
        }
        onSelect(next);
      }
      const removed = new Set(changes.flatMap((c) => (c.type === "remove" ? [c.id] : [])));
      if (removed.size && !readOnly) onCommit((g) => removeSteps(g, removed));
    },
    [onCommit, onMove, onSelect, readOnly, selected],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const selects = changes.filter((c) => c.type === "select");
      if (selects.length) {
        setSelectedEdges((s) => {
          const next = new Set(s);
          for (const c of selects) {
            if (c.type !== "select") continue;
            if (c.selected) next.add(c.id);
            else next.delete(c.id);
          }
          return next;
        });
      }
      const removed = new Set(changes.flatMap((c) => (c.type === "remove" ? [c.id] : [])));
      if (removed.size && !readOnly) onCommit((g) => removeSteps(g, new Set(), removed));
    },
    [onCommit, readOnly],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      if (readOnly || !c.sourceHandle) return;
      onCommit((g) => connect(g, c.source, c.sourceHandle!, c.target));
    },
    [onCommit, readOnly],
  );

  const onDrop = (event: DragEvent) => {
    const type = event.dataTransfer.getData(STEP_DRAG_TYPE) as WorkflowNodeType;
    if (!type || readOnly) return;
    event.preventDefault();
    const at = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    onDropStep(type, { x: at.x - 120, y: at.y - 30 });
  };

  return (
    <ReactFlow<StepNode>
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onConnect={onConnect}
      onNodeDragStart={onMoveStart}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes(STEP_DRAG_TYPE)) {
          e.preventDefault();
          e.dataTransfer.dropEffect = "copy";
        }
      }}
      onDrop={onDrop}
      onPaneClick={() => onSelect(new Set())}
      colorMode={dark ? "dark" : "light"}
      deleteKeyCode={readOnly ? null : ["Backspace", "Delete"]}
      selectionKeyCode="Shift"
      multiSelectionKeyCode={["Shift", "Meta", "Control"]}
      nodesConnectable={!readOnly}
      nodesDraggable={!readOnly}
      fitView
      fitViewOptions={{ maxZoom: 1, padding: 0.2 }}
      minZoom={0.2}
      aria-label="Workflow canvas"
    >
      <Background gap={20} />
      <Controls showInteractive={false} />
      <MiniMap pannable zoomable className="!hidden xl:!block" style={{ width: 128, height: 88 }} nodeStrokeWidth={2} />
    </ReactFlow>
  );
}
