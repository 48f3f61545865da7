import { Badge } from "@/components/ui/badge";
import type { JobRunStatus, JobStepStatus } from "@/lib/generated/prisma/enums";

const TONES: Record<JobRunStatus | JobStepStatus, "neutral" | "green" | "red" | "blue"> = {
  QUEUED: "neutral",
  RUNNING: "blue",
  COMPLETED: "green",
  FAILED: "red",
  CANCELLED: "neutral",
  ERRORED: "red",
  SLEEPING: "blue",
  WAITING: "blue",
  INVOKING: "blue",
};

export function RunStatusBadge({ status }: { status: JobRunStatus | JobStepStatus }) {
  return <Badge tone={TONES[status]}>{status.charAt(0) + status.slice(1).toLowerCase()}</Badge>;
}

export function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** The message of a stored error ({ name, message, stack } as the SDK reports it), one line. */
export function errorText(error: unknown): string | null {
  if (!error) return null;
  if (typeof error === "string") return error;
  const e = error as { name?: string; message?: string };
  return [e.name, e.message].filter(Boolean).join(": ") || JSON.stringify(error);
}
