"use client";
// A step on the canvas: its icon, title and what it is set to do, a handle for what leads in, one
// labelled handle per output (Yes/No, each reply branch, "Other reply", "No reply"...), its problems
// (a red ring and the first message), and the run figures when the canvas is given them.
import { Handle, Position, type Node, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import { cn } from "@/components/ui/cn";
import { NODE_ICONS, nodeTitle } from "@/components/workflows/node-catalog";
import type { DraftNode } from "@/lib/workflows/graph-model";

export interface NodeCounts {
  entered: number;
  waiting: number;
  completed: number;
  exited: number;
}

const COUNT_LABELS = { entered: "In", waiting: "Wait", completed: "Done", exited: "Exit" } as const;

export type StepNodeData = {
  step: DraftNode;
  summary: string;
  outputs: { handle: string; label: string; connected: boolean }[];
  problems: string[];
  counts?: NodeCounts;
  lit?: boolean;
  /** Where the run shown is now. */
  current?: boolean;
};
export type StepNode = Node<StepNodeData, "step">;

export const StepNodeView = memo(function StepNodeView({ data, selected }: NodeProps<StepNode>) {
  const { step, summary, outputs, problems, counts, lit, current } = data;
  const Icon = NODE_ICONS[step.type];
  const isTrigger = step.type === "trigger";
  return (
    <div
      data-testid={`step-${step.id}`}
      data-step-type={step.type}
      data-lit={lit ? "true" : undefined}
      data-current={current ? "true" : undefined}
      className={cn(
        "w-60 rounded-lg border bg-white text-left text-zinc-900 shadow-sm dark:bg-zinc-900 dark:text-zinc-100",
        isTrigger ? "border-amber-400 dark:border-amber-500/70" : "border-zinc-300 dark:border-zinc-700",
        problems.length > 0 && "ring-2 ring-red-500 dark:ring-red-500",
        lit && !problems.length && "ring-2 ring-emerald-500",
        current && !problems.length && "ring-4 ring-emerald-500/70",
        selected && "outline-2 outline-offset-2 outline-brand-500",
      )}
    >
      {!isTrigger && <Handle type="target" position={Position.Top} className="!h-3 !w-3 !border-2 !border-white !bg-zinc-500 dark:!border-zinc-900" />}
      <div className="flex items-start gap-2 px-3 pt-2.5">
        <span className={cn("mt-0.5 rounded p-1", isTrigger ? "bg-amber-100 text-amber-700 dark:bg-amber-900/40 dark:text-amber-300" : "bg-brand-100 text-brand-700 dark:bg-brand-700/30 dark:text-brand-100")}>
          <Icon className="h-3.5 w-3.5" aria-hidden />
        </span>
        <div className="min-w-0 flex-1">
          <p className="text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">
            {nodeTitle(step.type)}
            {current && <span className="ml-1.5 rounded bg-emerald-100 px-1 py-px text-[10px] text-emerald-800 normal-case dark:bg-emerald-900/50 dark:text-emerald-300">here now</span>}
          </p>
          <p className="line-clamp-2 text-sm break-words">{summary}</p>
        </div>
      </div>
      {problems.length > 0 && (
        <p className="mx-3 mt-1.5 rounded bg-red-50 px-2 py-1 text-xs text-red-700 dark:bg-red-950/50 dark:text-red-300" data-testid="step-problem">
          {problems[0]}
          {problems.length > 1 && ` (+${problems.length - 1})`}
        </p>
      )}
      {counts && (
        <dl className="mx-3 mt-1.5 grid grid-cols-4 gap-1 text-center text-[11px] tabular-nums text-zinc-600 dark:text-zinc-400">
          {(["entered", "waiting", "completed", "exited"] as const).map((k) => (
            <div key={k}>
              <dt className="text-[9px] uppercase tracking-wide text-zinc-400 dark:text-zinc-500">{COUNT_LABELS[k]}</dt>
              <dd title={k} data-count={k} className="rounded bg-zinc-100 px-1 dark:bg-zinc-800">
                {counts[k]}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {outputs.length > 0 ? (
        <div className="mt-2 flex border-t border-zinc-200 dark:border-zinc-800">
          {outputs.map((o) => (
            <div key={o.handle} className="relative flex min-w-0 flex-1 justify-center px-1 pt-1 pb-2.5">
              {outputs.length > 1 || o.handle !== "next" ? (
                <span className={cn("truncate text-[11px] font-medium", o.connected ? "text-zinc-600 dark:text-zinc-300" : "text-zinc-400 dark:text-zinc-500")} title={o.label}>
                  {o.label}
                </span>
              ) : (
                <span className="h-3" />
              )}
              <Handle
                id={o.handle}
                type="source"
                position={Position.Bottom}
                aria-label={`${o.label} output`}
                data-testid={`out-${step.id}-${o.handle}`}
                className={cn("!h-3 !w-3 !border-2 !border-white dark:!border-zinc-900", o.connected ? "!bg-brand-600" : "!bg-zinc-400")}
              />
            </div>
          ))}
        </div>
      ) : (
        <div className="h-2.5" />
      )}
    </div>
  );
});
