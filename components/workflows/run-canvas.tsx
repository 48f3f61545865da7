"use client";
// A published version drawn read-only: the builder's canvas with nothing to edit, under run
// figures (counters per step, or one run's path lit with its current step marked). With `onChoose`,
// a step can be chosen (the runs page narrows its table to it); clicking the canvas clears it.
import { ReactFlowProvider } from "@xyflow/react";
import { useMemo, type ComponentProps } from "react";
import { WorkflowCanvas, type CanvasOverlay } from "@/components/workflows/workflow-canvas";
import type { EditorOptions } from "@/lib/workflows/editor-options";
import type { WorkflowGraph } from "@/lib/workflows/graph-model";

type CanvasProps = ComponentProps<typeof WorkflowCanvas>;
const none = new Set<string>();
const noop = () => {};

export function RunCanvas({
  graph,
  options,
  overlay,
  label,
  chosen = null,
  onChoose,
}: {
  graph: WorkflowGraph;
  options: EditorOptions | undefined;
  overlay: CanvasOverlay;
  label: string;
  chosen?: string | null;
  onChoose?: (nodeId: string | null) => void;
}) {
  // Kept across renders (the counters refresh every 5 s): the canvas rebuilds its steps when it changes.
  const selected = useMemo(() => (chosen ? new Set([chosen]) : none), [chosen]);
  const props: CanvasProps = {
    graph: graph as CanvasProps["graph"],
    options,
    problems: [],
    selected,
    // One step at a time: the one just added to the selection, else what is left of it.
    onSelect: onChoose ? (ids) => onChoose([...ids].find((id) => id !== chosen) ?? (ids.has(chosen ?? "") ? chosen : null)) : noop,
    onCommit: noop,
    onMove: noop,
    onMoveStart: noop,
    onDropStep: noop,
    overlay,
    readOnly: true,
  };
  return (
    <section aria-label={label} className="relative h-[45vh] min-h-[300px] md:h-[55vh] md:min-h-[360px] w-full overflow-hidden rounded-lg border border-zinc-200 lg:h-[calc(100vh-20rem)] dark:border-zinc-800">
      <ReactFlowProvider>
        <WorkflowCanvas {...props} />
      </ReactFlowProvider>
    </section>
  );
}
