// Giving a waiting step its final result from outside a call: a sleep ending, an awaited event
// arriving, a wait or invoke timing out, an invoked run finishing. Then the run is called again.
import type { Ctx, JsonError } from "../context.ts";
import { ACTIVE_RUN } from "../context.ts";
import type { Tx } from "../db.ts";
import { queueDiscovery, type Lease } from "./discovery.ts";
import { lockRun, type RunRow } from "./run-row.ts";

export type StepResult = { data: unknown } | { error: JsonError };

/**
 * Finalises step `stepId` of the locked `run` if it is still in status `expected`; queues the
 * discovery call. Returns false (and changes nothing) when the step had already moved on.
 */
export async function finalizeStep(
  tx: Tx,
  ctx: Ctx,
  run: RunRow,
  stepId: string,
  expected: "SLEEPING" | "WAITING" | "INVOKING",
  result: StepResult,
  lease?: Lease,
): Promise<{ resolved: boolean; continueWith: string | null }> {
  if (!ACTIVE_RUN.has(run.status)) return { resolved: false, continueWith: null };
  const failed = "error" in result;
  const updated = await tx.count(
    `UPDATE ${ctx.db.t.step} SET status = $4, data = $5, error = $6, "endedAt" = now(), "completedAt" = clock_timestamp()
     WHERE "runId" = $1 AND id = $2 AND status = $3`,
    [run.id, stepId, expected, failed ? "FAILED" : "COMPLETED", failed ? null : JSON.stringify(result.data ?? null), failed ? JSON.stringify(result.error) : null],
  );
  if (updated === 0) return { resolved: false, continueWith: null };
  return { resolved: true, continueWith: await queueDiscovery(tx, ctx, run, lease) };
}

/** finalizeStep for a run that is not locked yet. */
export async function resolveStep(tx: Tx, ctx: Ctx, runId: string, stepId: string, expected: "SLEEPING" | "WAITING" | "INVOKING", result: StepResult) {
  const run = await lockRun(tx, ctx, runId);
  if (!run) return false;
  return (await finalizeStep(tx, ctx, run, stepId, expected, result)).resolved;
}
