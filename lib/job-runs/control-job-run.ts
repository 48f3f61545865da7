// Cancel and replay go through the embedded executor's HTTP API (POST /v1/runs/:id/cancel|replay):
// the executor owns its runs' state, so the app asks rather than writing its tables.
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";

function executorUrl(): string {
  const url = env.INNGEST_DEV;
  if (!url || !/^https?:\/\//.test(url)) {
    throw new DomainError("BAD_REQUEST", "Jobs run on an external Inngest server: cancel and replay runs in its dashboard");
  }
  return url.replace(/\/$/, "");
}

async function post(runId: string, action: "cancel" | "replay"): Promise<{ runId: string }> {
  let response: Response;
  try {
    response = await fetch(`${executorUrl()}/v1/runs/${encodeURIComponent(runId)}/${action}`, { method: "POST" });
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError("BAD_REQUEST", "The job executor is not reachable; is it running?");
  }
  const body = (await response.json().catch(() => ({}))) as { error?: string; runId?: string };
  if (response.status === 404) throw new DomainError("NOT_FOUND", body.error ?? "Run not found", "runId");
  if (!response.ok) throw new DomainError("CONFLICT", body.error ?? `The executor refused (${response.status})`, "runId");
  return { runId: body.runId ?? runId };
}

export const cancelJobRun = (runId: string) => post(runId, "cancel");
/** Starts an ended run again with the same events; returns the new run's id. */
export const replayJobRun = (runId: string) => post(runId, "replay");
