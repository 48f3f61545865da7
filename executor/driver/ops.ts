// Acting on a 206: the step operations the SDK reported, in order. Results are recorded,
// failed attempts retried with backoff, planned steps queued as calls of their own, and sleeps,
// waits and invokes started. If any step got its final result the run is called again.
import type { Ctx, JsonError } from "../context.ts";
import { errorOf } from "../context.ts";
import type { Tx } from "../db.ts";
import { waitKey } from "../events/wait-key.ts";
import type { FunctionDef } from "../functions/config.ts";
import { backoffMs, type QueueItem } from "../queue/item.ts";
import { queueDiscovery } from "../runs/discovery.ts";
import { completeRun } from "../runs/finish.ts";
import { startInvoke } from "../runs/invoke.ts";
import type { RunRow } from "../runs/run-row.ts";
import type { Op } from "./call.ts";
import { dueParams, finishStep, insertTimer, recordStepError, startWaitingStep } from "./steps.ts";

export interface OpsInput {
  run: RunRow;
  item: QueueItem;
  fn: FunctionDef | undefined;
  maxAttempts: number;
  startedAt: Date;
  /** A step resolved while this call was in flight: call again even if nothing else resolves. */
  rerun: boolean;
}

const UNSUPPORTED = (op: string): JsonError => errorOf("NotSupportedError", `step operation ${op} is not supported by the embedded executor`);

/** Returns the id of a follow-up call leased to this worker, if any. */
export async function applyOps(tx: Tx, ctx: Ctx, input: OpsInput, ops: Op[]): Promise<string | null> {
  const { run, item, maxAttempts, startedAt } = input;
  const { t } = ctx.db;
  let resolved = input.rerun;
  if (ops.length > 1 && !run.disableImmediate) {
    // Per the SDK spec: once steps ran in parallel, every later step is planned before it runs.
    await tx.query(`UPDATE ${t.run} SET "disableImmediate" = true WHERE id = $1`, [run.id]);
    run.disableImmediate = true;
  }
  for (const op of ops) {
    switch (op.op) {
      case "StepRun":
      case "Step":
        await finishStep(tx, ctx, run, op, { data: op.data ?? null }, item.attempt + 1, startedAt);
        resolved = true;
        break;
      case "StepError":
      case "StepFailed": {
        const error = op.error ?? errorOf("Error", "step failed");
        if (op.op === "StepError" && item.attempt + 1 < maxAttempts) {
          await recordStepError(tx, ctx, run, op, error, item.attempt + 1, startedAt);
          await queueStepCall(tx, ctx, run, op.id, item.attempt + 1, backoffMs(ctx, item.attempt));
        } else {
          await finishStep(tx, ctx, run, op, { error }, item.attempt + 1, startedAt);
          resolved = true;
        }
        break;
      }
      case "StepPlanned":
        await queueStepCall(tx, ctx, run, op.id, 0, 0);
        break;
      case "Sleep": {
        const due = dueParams(op.opts?.duration ?? op.name);
        if (!due) {
          await finishStep(tx, ctx, run, op, { error: errorOf("Error", `invalid sleep duration "${op.name}"`) }, 1, startedAt);
          resolved = true;
        } else if (await startWaitingStep(tx, ctx, run, op, "SLEEPING", { duration: op.opts?.duration ?? op.name })) {
          await insertTimer(tx, ctx, "SLEEP", run, op.id, due, "sleep");
        }
        break;
      }
      case "WaitForEvent": {
        const eventName = String(op.opts?.event ?? op.name ?? "");
        const due = dueParams(op.opts?.timeout) ?? [365 * 86_400_000, null];
        const expression = typeof op.opts?.if === "string" ? op.opts.if : null;
        if (await startWaitingStep(tx, ctx, run, op, "WAITING", { event: eventName, if: expression, timeout: op.opts?.timeout ?? null })) {
          const key = waitKey(expression, run.events[0]);
          await tx.query(
            `INSERT INTO ${t.wait} ("runId", kind, "stepId", "eventName", expression, "matchPath", "matchValue") VALUES ($1, 'WAIT', $2, $3, $4, $5, $6)`,
            [run.id, op.id, eventName, expression, key?.path ?? null, key?.value ?? null],
          );
          await insertTimer(tx, ctx, "WAIT_TIMEOUT", run, op.id, due, "wait");
        }
        break;
      }
      case "InvokeFunction":
        if (await startInvoke(tx, ctx, run, op, startedAt)) resolved = true;
        break;
      case "RunComplete":
        // Checkpointing SDKs report the function's return value as an op.
        await completeRun(tx, ctx, run, op.data);
        return null;
      case "DeferAdd":
      case "DeferAbort":
        ctx.log.error(`${run.functionId}: defer() is not supported by the embedded executor; ignored`);
        break;
      default:
        await finishStep(tx, ctx, run, op, { error: UNSUPPORTED(op.op) }, 1, startedAt);
        resolved = true;
    }
  }
  return resolved ? queueDiscovery(tx, ctx, run, { token: item.leaseToken }) : null;
}

/** Queues a call that runs one step (planned, or a retry of a failed attempt). */
async function queueStepCall(tx: Tx, ctx: Ctx, run: RunRow, stepId: string, attempt: number, delayMs: number) {
  const done = await tx.query(`SELECT 1 FROM ${ctx.db.t.step} WHERE "runId" = $1 AND id = $2 AND "completedAt" IS NOT NULL`, [run.id, stepId]);
  if (done.length > 0) return;
  await tx.query(
    `INSERT INTO ${ctx.db.t.queue} (kind, "runId", "functionId", "stepId", attempt, "dueAt", "sortAt", "concurrencyKeys", "dedupeKey")
     VALUES ('CALL', $1, $2, $3, $4, now() + $5 * interval '1 millisecond', now() + $5 * interval '1 millisecond', $6, $7)
     ON CONFLICT ("dedupeKey") DO NOTHING`,
    [run.id, run.functionId, stepId, attempt, delayMs, run.concurrencyKeys, `call:${run.id}:${stepId}`],
  );
  tx.afterCommit(() => ctx.wake(delayMs));
}
