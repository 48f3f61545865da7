// How a run reads: its status as a badge, where it waits now or why it ended, in words.
import { formatDateTime } from "@/components/app/format";
import { Badge } from "@/components/ui/badge";
import { nodeTitle } from "@/components/workflows/node-catalog";
import type { WorkflowGraph, WorkflowNodeType } from "@/lib/workflows/graph-model";

export type RunStatus = "ACTIVE" | "COMPLETED" | "EXITED" | "CANCELED" | "FAILED";

const TONE = { ACTIVE: "blue", COMPLETED: "green", EXITED: "neutral", CANCELED: "neutral", FAILED: "red" } as const;
const LABEL = { ACTIVE: "Active", COMPLETED: "Completed", EXITED: "Exited", CANCELED: "Canceled", FAILED: "Failed" } as const;
export const RUN_STATUS_LABELS = LABEL;

export function RunStatusBadge({ status }: { status: RunStatus }) {
  return (
    <Badge tone={TONE[status]} data-run-status={status}>
      {LABEL[status]}
    </Badge>
  );
}

const WAITING: Record<string, string> = {
  duration: "waiting",
  until: "waiting for the time set",
  reply: "waiting for a reply",
  paused: "held: the workflow is paused",
  teammate: "held: a teammate is talking to them",
  quiet: "held for quiet hours",
};

interface RunPlace {
  status: RunStatus;
  nodeId: string | null;
  waiting: string | null;
  waitingUntil: Date | string | null;
  endReason: string | null;
}

/** The step's title in a graph ("Wait for reply"), or its id when the graph is another version's. */
export function stepName(graph: WorkflowGraph | undefined, nodeId: string | null): string {
  if (!nodeId) return "—";
  const node = graph?.nodes.find((n) => n.id === nodeId);
  return node ? nodeTitle(node.type as WorkflowNodeType) : `step ${nodeId}`;
}

const ENDS: Record<string, string> = {
  completed: "Completed: reached the end",
  "exit node": "Exited at an Exit step",
  "opted out": "Exited: opted out (STOP)",
  "step limit": "Stopped: too many steps (a loop?)",
};

/** Why a run ended, in words (the runtime's reasons: lib/workflows/finish-run.ts callers). */
export const endWords = (reason: string) => ENDS[reason] ?? sentenceCase(reason);

/** "Wait for reply: waiting for a reply", or why it ended. */
export function runPlace(run: RunPlace, graph: WorkflowGraph | undefined): string {
  if (run.status !== "ACTIVE") return run.endReason ? endWords(run.endReason) : LABEL[run.status];
  const at = stepName(graph, run.nodeId);
  if (!run.waiting) return run.nodeId ? `${at}: moving on` : "Starting";
  return `${at}: ${waitWords(run)}`;
}

/** "waiting for a reply", "held for quiet hours until Dec 7, 2026, 8:00 AM"; null when not waiting. */
export function waitWords(run: Pick<RunPlace, "waiting" | "waitingUntil">): string | null {
  if (!run.waiting) return null;
  const until = run.waitingUntil ? ` until ${formatDateTime(run.waitingUntil)}` : "";
  return `${WAITING[run.waiting] ?? run.waiting}${until}`;
}

export const sentenceCase = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
