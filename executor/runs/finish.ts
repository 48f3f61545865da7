// Ending a run: completed, failed or cancelled. Its queued calls, timers and waits go; a parent
// waiting in step.invoke gets the result; failures and cancellations are announced as the
// internal events Inngest emits (inngest/function.failed triggers onFailure handlers).
import type { Ctx, JsonError } from "../context.ts";
import { ACTIVE_RUN, errorOf } from "../context.ts";
import type { Tx } from "../db.ts";
import { ingestEvents } from "../events/ingest.ts";
import { resolveStep } from "./resolve.ts";
import { lockRun, type RunRow } from "./run-row.ts";

async function endRun(tx: Tx, ctx: Ctx, run: RunRow, status: "COMPLETED" | "FAILED" | "CANCELLED", output: unknown, error: JsonError | null) {
  const { t } = ctx.db;
  await tx.query(
    `UPDATE ${t.run} SET status = $2, output = $3, error = $4, "endedAt" = now() WHERE id = $1`,
    [run.id, status, status === "COMPLETED" ? JSON.stringify(output ?? null) : null, error ? JSON.stringify(error) : null],
  );
  await tx.query(`DELETE FROM ${t.queue} WHERE "runId" = $1`, [run.id]);
  await tx.query(`DELETE FROM ${t.wait} WHERE "runId" = $1`, [run.id]);
  run.status = status;
}

export async function completeRun(tx: Tx, ctx: Ctx, run: RunRow, output: unknown) {
  await endRun(tx, ctx, run, "COMPLETED", output, null);
  if (run.parentRunId && run.parentStepId) await resolveStep(tx, ctx, run.parentRunId, run.parentStepId, "INVOKING", { data: output ?? null });
}

export async function failRun(tx: Tx, ctx: Ctx, run: RunRow, error: JsonError) {
  await endRun(tx, ctx, run, "FAILED", null, error);
  if (run.parentRunId && run.parentStepId) await resolveStep(tx, ctx, run.parentRunId, run.parentStepId, "INVOKING", { error });
  await ingestEvents(tx, ctx, [
    { name: "inngest/function.failed", data: { function_id: run.functionId, run_id: run.id, error, event: run.events[0] ?? null } },
  ]);
}

export async function cancelRun(tx: Tx, ctx: Ctx, run: RunRow, reason: string) {
  if (!ACTIVE_RUN.has(run.status)) return false;
  await endRun(tx, ctx, run, "CANCELLED", null, errorOf("Cancelled", reason));
  if (run.parentRunId && run.parentStepId) {
    await resolveStep(tx, ctx, run.parentRunId, run.parentStepId, "INVOKING", { error: errorOf("Error", `The invoked run ${run.id} was cancelled`) });
  }
  await ingestEvents(tx, ctx, [{ name: "inngest/function.cancelled", data: { function_id: run.functionId, run_id: run.id } }]);
  return true;
}

export async function cancelRunById(tx: Tx, ctx: Ctx, runId: string, reason: string) {
  const run = await lockRun(tx, ctx, runId);
  return run ? cancelRun(tx, ctx, run, reason) : false;
}
