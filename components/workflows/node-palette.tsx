"use client";
// The palette: steps grouped Trigger / Messages / Waits / Branches / Contact / Other. Click adds one
// (after the chosen step, joined to its first open output), or drag one onto the canvas. On an
// empty canvas only the trigger is offered first: everything else hangs from it.
import { cn } from "@/components/ui/cn";
import { NODE_ICONS, PALETTE, nodeTitle } from "@/components/workflows/node-catalog";
import { STEP_DRAG_TYPE } from "@/components/workflows/workflow-canvas";
import type { WorkflowNodeType } from "@/lib/workflows/graph-model";

export function NodePalette({ hasTrigger, onAdd, disabled }: { hasTrigger: boolean; onAdd: (type: WorkflowNodeType) => void; disabled?: boolean }) {
  return (
    <nav aria-label="Steps" className="flex gap-3 overflow-x-auto pb-1 lg:flex-col lg:gap-3 lg:overflow-visible lg:pb-0">
      {PALETTE.map(({ group, types }) => {
        const off = (type: WorkflowNodeType) => disabled || (type === "trigger" ? hasTrigger : !hasTrigger);
        return (
          <div key={group} className="shrink-0">
            <p className="mb-1 text-[11px] font-semibold uppercase tracking-wide text-zinc-500">{group}</p>
            <div className="flex gap-1 lg:flex-col">
              {types.map((type) => {
                const Icon = NODE_ICONS[type];
                return (
                  <button
                    key={type}
                    type="button"
                    draggable={!off(type)}
                    disabled={off(type)}
                    onDragStart={(e) => {
                      e.dataTransfer.setData(STEP_DRAG_TYPE, type);
                      e.dataTransfer.effectAllowed = "copy";
                    }}
                    onClick={() => onAdd(type)}
                    title={type === "trigger" && hasTrigger ? "A workflow has one trigger" : !hasTrigger && type !== "trigger" ? "Start with a trigger" : `Add ${nodeTitle(type)} (or drag it onto the canvas)`}
                    className={cn(
                      "flex items-center gap-2 rounded-md border px-2 py-1.5 text-left text-sm whitespace-nowrap transition-colors",
                      "border-zinc-200 bg-white hover:border-brand-500 hover:bg-brand-50 dark:border-zinc-800 dark:bg-zinc-900 dark:hover:bg-zinc-800",
                      "disabled:cursor-not-allowed disabled:opacity-40 disabled:hover:border-zinc-200 disabled:hover:bg-white dark:disabled:hover:bg-zinc-900",
                      type === "trigger" && !hasTrigger && "border-amber-400 ring-2 ring-amber-300/50 dark:border-amber-500",
                    )}
                  >
                    <Icon className="h-4 w-4 shrink-0 text-zinc-500" aria-hidden />
                    {nodeTitle(type)}
                  </button>
                );
              })}
            </div>
          </div>
        );
      })}
    </nav>
  );
}
