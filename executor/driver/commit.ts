// Recording what a call produced, in one transaction that first re-checks the lease: if the row
// was taken over (lease expired) or the run ended meanwhile, the response is dropped, so a step
// result is committed at most once however many workers share the database.
import type { Ctx } from "../context.ts";
import { ACTIVE_RUN } from "../context.ts";
import type { Tx } from "../db.ts";
import type { FunctionDef } from "../functions/config.ts";
import { backoffMs, continuation, deleteItem, holdItem, rescheduleItem, type QueueItem } from "../queue/item.ts";
import { completeRun, failRun } from "../runs/finish.ts";
import { lockRun, type RunRow } from "../runs/run-row.ts";
import type { CallOutcome } from "./call.ts";
import { applyOps } from "./ops.ts";
import { recordStepError } from "./steps.ts";

const DEFAULT_MAX_ATTEMPTS = 4;

/** Records the SDK's execution version, and on the run's first call, its finish timeout. */
async function markStarted(tx: Tx, ctx: Ctx, run: RunRow, fn: FunctionDef | undefined, version: number | undefined, startedAt: Date) {
  const firstCall = run.version === -1;
  if (version === undefined || version === run.version) return;
  await tx.query(`UPDATE ${ctx.db.t.run} SET status = 'RUNNING', "startedAt" = coalesce("startedAt", $2), version = $3 WHERE id = $1`, [run.id, startedAt, version]);
  run.status = "RUNNING";
  if (firstCall && fn?.timeouts.finishMs !== undefined) {
    await tx.query(
      `INSERT INTO ${ctx.db.t.queue} (kind, "runId", "functionId", payload, "dueAt", "sortAt", "dedupeKey")
       VALUES ('RUN_TIMEOUT', $1, $2, '{"type":"finish"}', now() + $3 * interval '1 millisecond', now() + $3 * interval '1 millisecond', $4)
       ON CONFLICT ("dedupeKey") DO NOTHING`,
      [run.id, run.functionId, fn.timeouts.finishMs, `timeout:finish:${run.id}`],
    );
  }
}

/** Returns the follow-up call this worker should make now, if any. */
export async function commitCall(ctx: Ctx, item: QueueItem, outcome: CallOutcome, startedAt: Date): Promise<QueueItem | null> {
  return ctx.db.tx(async (tx) => {
    const run = await lockRun(tx, ctx, item.runId!);
    const held = await holdItem(tx, ctx, item);
    if (!held) return null;
    if (!run || !ACTIVE_RUN.has(run.status)) {
      await deleteItem(tx, ctx, item);
      return null;
    }
    const fn = ctx.registry.get(run.functionId);
    const maxAttempts = fn?.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    await markStarted(tx, ctx, run, fn, outcome.version, startedAt);

    if (outcome.kind === "complete") {
      await deleteItem(tx, ctx, item);
      await completeRun(tx, ctx, run, outcome.data);
      return null;
    }
    if (outcome.kind === "error") {
      if (outcome.retriable && item.attempt + 1 < maxAttempts) {
        await rescheduleItem(tx, ctx, item, outcome.retryAfterMs ?? backoffMs(ctx, item.attempt), { attempt: item.attempt + 1 });
        // The last error stays visible on the run (and the step) while it is retried.
        await tx.query(`UPDATE ${ctx.db.t.run} SET error = $2 WHERE id = $1`, [run.id, JSON.stringify({ ...outcome.error, attempt: item.attempt })]);
        if (item.stepId && item.stepId !== "step") {
          await recordStepError(tx, ctx, run, { id: item.stepId, op: "StepRun" }, outcome.error, item.attempt + 1, startedAt);
        }
      } else {
        await deleteItem(tx, ctx, item);
        await failRun(tx, ctx, run, outcome.error);
      }
      return null;
    }
    await deleteItem(tx, ctx, item);
    const next = await applyOps(tx, ctx, { run, item, fn, maxAttempts, startedAt, rerun: held.rerun }, outcome.ops);
    return next ? continuation(item, next, run.id, run.functionId) : null;
  });
}
