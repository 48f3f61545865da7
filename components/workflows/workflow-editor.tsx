"use client";
// The workflow editor: palette, canvas and side panel over one draft (graph and settings) kept in
// an undo history, autosaved, validated as it changes (the same checks publishing makes, against
// the org's facts), with Publish, Pause/Resume, the version and "Unpublished changes".
// Keys (outside text fields): Ctrl/Cmd+Z undo, Shift+Z (or Y) redo, C copy, V paste, D duplicate;
// Backspace/Delete removes the chosen steps (the canvas's own).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useReactFlow } from "@xyflow/react";
import { AlertTriangle, LayoutGrid, Maximize, Redo2, Trash2, Undo2 } from "lucide-react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { autoLayout } from "@/components/workflows/auto-layout";
import { addStep, clipOf, pasteSteps, removeSteps, updateData } from "@/components/workflows/graph-edit";
import { nodeTitle } from "@/components/workflows/node-catalog";
import { NodePalette } from "@/components/workflows/node-palette";
import { SettingsForm } from "@/components/workflows/settings-form";
import { StepForm } from "@/components/workflows/step-form";
import { useAutosave, type SaveState } from "@/components/workflows/use-autosave";
import { useGraphHistory } from "@/components/workflows/use-graph-history";
import { WorkflowCanvas, type CanvasOverlay } from "@/components/workflows/workflow-canvas";
import { WorkflowControls } from "@/components/workflows/workflow-controls";
import type { WorkflowView } from "@/components/workflows/workflow-types";
import { factsOf, type EditorOptions } from "@/lib/workflows/editor-options";
import type { WorkflowDraftGraph, WorkflowNodeType, WorkflowSettings } from "@/lib/workflows/graph-model";
import { nodeProblems, validateGraph } from "@/lib/workflows/validate-graph";
import { useTRPC } from "@/lib/trpc/react";

type Draft = { graph: WorkflowDraftGraph; settings: WorkflowSettings };

const SAVE_LABELS: Record<SaveState, string> = { saved: "Saved", pending: "Unsaved…", saving: "Saving…", error: "Not saved", stale: "Not saved" };

const typing = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName) || !!target.closest("dialog"));

export function WorkflowEditor({ workflow, options, overlay }: { workflow: WorkflowView; options: EditorOptions; overlay?: CanvasOverlay }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const flow = useReactFlow();
  const history = useGraphHistory<Draft>({ graph: workflow.draft, settings: workflow.settings });
  const { graph, settings } = history.value;
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [draftChanged, setDraftChanged] = useState(workflow.draftChanged);
  const clipboard = useRef<WorkflowDraftGraph | null>(null);
  const canvasBox = useRef<HTMLDivElement>(null);

  const onSaved = useCallback((r: { draftChanged: boolean }) => setDraftChanged(r.draftChanged), []);
  const autosave = useAutosave(workflow.id, workflow.draftRevision, history.value, onSaved);

  const facts = useMemo(() => factsOf(options), [options]);
  const problems = useMemo(() => validateGraph(graph, settings, facts, workflow.id), [graph, settings, facts, workflow.id]);

  const commitGraph = useCallback((next: (g: WorkflowDraftGraph) => WorkflowDraftGraph, coalesce?: string) => history.commit((d) => ({ ...d, graph: next(d.graph) }), coalesce), [history]);
  const moveGraph = useCallback((next: (g: WorkflowDraftGraph) => WorkflowDraftGraph) => history.replace((d) => ({ ...d, graph: next(d.graph) })), [history]);

  const chosen = selected.size === 1 ? graph.nodes.find((n) => selected.has(n.id)) : undefined;

  /** Where a step added by a click goes when nothing is chosen: the middle of the visible canvas. */
  const centre = () => {
    const box = canvasBox.current?.getBoundingClientRect();
    const at = box ? flow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 3 }) : { x: 0, y: 0 };
    return { x: at.x - 120 + graph.nodes.length * 8, y: at.y + graph.nodes.length * 8 };
  };
  const add = (type: WorkflowNodeType, at?: { x: number; y: number }) => {
    const r = addStep(graph, type, at ?? centre(), at ? null : (chosen?.id ?? null));
    commitGraph(() => r.graph);
    // The new step is chosen, so its form opens and the next click hangs the next step from it.
    setSelected(new Set([r.id]));
    const p = r.graph.nodes.find((n) => n.id === r.id)!.position;
    requestAnimationFrame(() => reveal(p));
  };

  /** Pans (keeping the zoom) so a step just added is in sight. */
  const reveal = (p: { x: number; y: number }) => {
    const box = canvasBox.current?.getBoundingClientRect();
    if (!box) return;
    const { x, y, zoom } = flow.getViewport();
    const left = p.x * zoom + x;
    const top = p.y * zoom + y;
    if (left >= 0 && top >= 0 && left + 240 * zoom <= box.width && top + 120 * zoom <= box.height) return;
    void flow.setCenter(p.x + 120, p.y + 60, { zoom, duration: 150 });
  };

  const layout = () => {
    const sizes = new Map(flow.getNodes().map((n) => [n.id, { width: n.measured?.width ?? 240, height: n.measured?.height ?? 110 }]));
    commitGraph((g) => autoLayout(g, sizes));
    requestAnimationFrame(() => void flow.fitView({ padding: 0.2, maxZoom: 1, duration: 200 }));
  };

  const paste = useCallback(
    (clip: WorkflowDraftGraph) => {
      const r = pasteSteps(graph, clip);
      commitGraph(() => r.graph);
      setSelected(new Set(r.ids));
    },
    [commitGraph, graph],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.metaKey || e.ctrlKey) || typing(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === "z" && !e.shiftKey) history.undo();
      else if ((key === "z" && e.shiftKey) || key === "y") history.redo();
      else if (key === "c" && selected.size) clipboard.current = clipOf(graph, selected);
      else if (key === "v" && clipboard.current) paste(clipboard.current);
      else if (key === "d" && selected.size) paste(clipOf(graph, selected));
      else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [graph, history, paste, selected]);

  const rename = useMutation(trpc.workflows.rename.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.workflows.get.queryKey({ id: workflow.id }) }) }));

  const hasTrigger = graph.nodes.some((n) => n.type === "trigger");
  const pinned = problems.filter((p) => p.nodeId || p.edgeId);
  const general = problems.filter((p) => !p.nodeId && !p.edgeId);
  const labelOf = (nodeId: string) => {
    const n = graph.nodes.find((x) => x.id === nodeId);
    return n ? nodeTitle(n.type) : "Step";
  };

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <div className="flex items-center gap-1">
          <Button variant="ghost" size="icon" aria-label="Undo" title="Undo (Ctrl/⌘+Z)" disabled={!history.canUndo} onClick={history.undo}>
            <Undo2 className="h-4 w-4" />
          </Button>
          <Button variant="ghost" size="icon" aria-label="Redo" title="Redo (Ctrl/⌘+Shift+Z)" disabled={!history.canRedo} onClick={history.redo}>
            <Redo2 className="h-4 w-4" />
          </Button>
          <Button variant="ghost" size="sm" onClick={layout} disabled={graph.nodes.length < 2} title="Lay the steps out top to bottom">
            <LayoutGrid className="h-4 w-4" aria-hidden /> Tidy up
          </Button>
          <Button variant="ghost" size="icon" aria-label="Fit to view" title="Fit to view" onClick={() => void flow.fitView({ padding: 0.2, maxZoom: 1, duration: 200 })}>
            <Maximize className="h-4 w-4" />
          </Button>
          {selected.size > 0 && (
            <Button variant="ghost" size="sm" onClick={() => (commitGraph((g) => removeSteps(g, selected)), setSelected(new Set()))} aria-label={`Delete ${selected.size} chosen step${selected.size > 1 ? "s" : ""}`}>
              <Trash2 className="h-4 w-4" aria-hidden /> Delete
            </Button>
          )}
        </div>
        <span
          role="status"
          data-testid="save-state"
          className={cn("text-xs", autosave.state === "error" || autosave.state === "stale" ? "font-medium text-red-600 dark:text-red-400" : "text-zinc-500")}
        >
          {SAVE_LABELS[autosave.state]}
        </span>
        <div className="ml-auto">
          <WorkflowControls workflow={workflow} draftChanged={draftChanged} problems={problems.length} flush={autosave.flush} onPublished={() => setDraftChanged(false)} />
        </div>
      </div>
      {autosave.state === "stale" && (
        <div role="alert" className="flex flex-wrap items-center gap-3 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/40 dark:text-red-200">
          {autosave.error}
          <Button variant="secondary" size="sm" onClick={() => window.location.reload()}>
            Reload
          </Button>
        </div>
      )}
      {autosave.state === "error" && autosave.error && <p className="text-sm text-red-600 dark:text-red-400">{autosave.error}</p>}

      <div className="flex flex-col gap-3 lg:flex-row">
        <div className="lg:w-40 lg:shrink-0">
          <NodePalette hasTrigger={hasTrigger} onAdd={(t) => add(t)} />
        </div>
        <div ref={canvasBox} className="relative h-[60vh] min-h-[380px] w-full overflow-hidden rounded-lg border border-zinc-200 lg:h-[calc(100vh-14rem)] lg:w-auto lg:min-w-0 lg:flex-1 dark:border-zinc-800">
          {graph.nodes.length === 0 && (
            <div className="pointer-events-none absolute inset-x-0 top-1/3 z-10 text-center text-sm text-zinc-500">Start with a trigger: what makes a contact enter.</div>
          )}
          <WorkflowCanvas
            graph={graph}
            options={options}
            problems={problems}
            selected={selected}
            onSelect={setSelected}
            onCommit={commitGraph}
            onMove={moveGraph}
            onMoveStart={history.checkpoint}
            onDropStep={(type, at) => add(type, at)}
            overlay={overlay}
          />
        </div>
        <aside aria-label={chosen ? "Step settings" : "Workflow settings"} className="space-y-4 rounded-lg border border-zinc-200 p-4 lg:max-h-[calc(100vh-14rem)] lg:w-80 lg:shrink-0 lg:overflow-y-auto dark:border-zinc-800">
          {problems.length > 0 && (
            <section aria-label="Problems" className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm dark:border-amber-800 dark:bg-amber-950/30">
              <p className="mb-1 flex items-center gap-1 font-medium text-amber-900 dark:text-amber-200">
                <AlertTriangle className="h-4 w-4" aria-hidden /> {problems.length} problem{problems.length > 1 ? "s" : ""} to fix before publishing
              </p>
              <ul className="space-y-0.5 text-xs text-amber-900 dark:text-amber-200" data-testid="problems">
                {general.map((p, i) => (
                  <li key={`g${i}`}>{p.message}</li>
                ))}
                {pinned.slice(0, 8).map((p, i) => (
                  <li key={`p${i}`}>
                    <button type="button" className="text-left underline-offset-2 hover:underline" onClick={() => p.nodeId && setSelected(new Set([p.nodeId]))}>
                      {p.nodeId ? `${labelOf(p.nodeId)}: ` : ""}
                      {p.message}
                    </button>
                  </li>
                ))}
                {pinned.length > 8 && <li>…and {pinned.length - 8} more, marked on the canvas</li>}
              </ul>
            </section>
          )}
          {chosen ? (
            <>
              <div className="flex items-center justify-between gap-2">
                <h2 className="font-semibold">{nodeTitle(chosen.type)}</h2>
                <Button variant="ghost" size="sm" onClick={() => setSelected(new Set())}>
                  Workflow settings
                </Button>
              </div>
              <StepForm key={chosen.id} step={chosen} options={options} selfId={workflow.id} onChange={(data, c) => commitGraph((g) => updateData(g, chosen.id, data), c && `${chosen.id}:${c}`)} />
              {nodeProblems(chosen, facts, workflow.id).length > 0 && (
                <ul className="space-y-1 text-xs font-medium text-red-600 dark:text-red-400" role="alert">
                  {nodeProblems(chosen, facts, workflow.id).map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              )}
            </>
          ) : (
            <>
              <h2 className="font-semibold">{selected.size > 1 ? `${selected.size} steps chosen` : "Workflow settings"}</h2>
              <SettingsForm
                name={workflow.name}
                onRename={(name) => rename.mutate({ id: workflow.id, name }, { onSuccess: () => toast.success("Renamed") })}
                renameError={rename.error?.message ?? null}
                settings={settings}
                options={options}
                onChange={(s) => history.commit((d) => ({ ...d, settings: s }))}
              />
            </>
          )}
        </aside>
      </div>
      <p className="hidden text-xs text-zinc-500 lg:block">
        Drag from an output to a step to connect · Shift-drag or Shift-click to choose several · Ctrl/⌘+C, V, D to copy, paste, duplicate · Backspace to delete · Ctrl/⌘+Z to undo
      </p>
    </div>
  );
}
