// Step rows written from a call's response: results, failed attempts, and the waiting kinds
// (sleep, waitForEvent, invoke) with their timers.
import type { Ctx, JsonError } from "../context.ts";
import type { Tx } from "../db.ts";
import { parseDuration } from "../durations.ts";
import type { RunRow } from "../runs/run-row.ts";
import type { Op } from "./call.ts";

export const stepName = (op: Op) => op.displayName ?? op.name ?? op.id;

const RUN_OPS = new Set(["Step", "StepRun", "StepError", "StepFailed", "StepPlanned"]);

/** What kind of step it is, for people reading the runs: "StepRun", "step.sendEvent", "Sleep", ... */
export const stepKind = (op: Op) => (RUN_OPS.has(op.op) ? (typeof op.opts?.type === "string" ? op.opts.type : "StepRun") : op.op);

/** A final result (data, or the error after the last attempt); never overwrites an earlier final one. */
export async function finishStep(tx: Tx, ctx: Ctx, run: RunRow, op: Op, result: { data: unknown } | { error: JsonError }, attempts: number, startedAt: Date) {
  const failed = "error" in result;
  await tx.query(
    `INSERT INTO ${ctx.db.t.step} AS s ("runId", id, name, op, status, attempts, data, error, "startedAt", "endedAt", "completedAt")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now(), clock_timestamp())
     ON CONFLICT ("runId", id) DO UPDATE SET status = EXCLUDED.status, attempts = EXCLUDED.attempts, data = EXCLUDED.data, error = EXCLUDED.error,
       "endedAt" = EXCLUDED."endedAt", "completedAt" = EXCLUDED."completedAt", "startedAt" = coalesce(s."startedAt", EXCLUDED."startedAt")
     WHERE s."completedAt" IS NULL`,
    [run.id, op.id, stepName(op), stepKind(op), failed ? "FAILED" : "COMPLETED", attempts, failed ? null : JSON.stringify(result.data ?? null), failed ? JSON.stringify(result.error) : null, startedAt],
  );
}

/** A failed attempt that will be retried. */
export async function recordStepError(tx: Tx, ctx: Ctx, run: RunRow, op: Op, error: JsonError, attempts: number, startedAt: Date) {
  await tx.query(
    `INSERT INTO ${ctx.db.t.step} AS s ("runId", id, name, op, status, attempts, error, "startedAt", "endedAt")
     VALUES ($1, $2, $3, $7, 'ERRORED', $4, $5, $6, now())
     ON CONFLICT ("runId", id) DO UPDATE SET status = 'ERRORED', attempts = EXCLUDED.attempts, error = EXCLUDED.error, "endedAt" = now()
     WHERE s."completedAt" IS NULL`,
    [run.id, op.id, stepName(op), attempts, JSON.stringify(error), startedAt, stepKind(op)],
  );
}

/** A waiting step (SLEEPING, WAITING, INVOKING); false if the SDK reported it before. */
export async function startWaitingStep(tx: Tx, ctx: Ctx, run: RunRow, op: Op, status: "SLEEPING" | "WAITING" | "INVOKING", opts: Record<string, unknown>) {
  const rows = await tx.query(
    `INSERT INTO ${ctx.db.t.step} ("runId", id, name, op, status, opts, "startedAt") VALUES ($1, $2, $3, $4, $5, $6, now())
     ON CONFLICT ("runId", id) DO NOTHING RETURNING id`,
    [run.id, op.id, stepName(op), op.op, status, JSON.stringify(opts)],
  );
  return rows.length > 0;
}

/** A time string (relative, on the database clock) or an ISO date, as SQL parameters for dueAtSql. */
export function dueParams(input: unknown): [number | null, string | null] | null {
  if (typeof input !== "string" && typeof input !== "number") return null;
  const ms = parseDuration(input);
  if (ms !== null) return [ms, null];
  const at = typeof input === "string" && /^\d{4}-\d{2}-\d{2}/.test(input) ? new Date(input) : null;
  return at && !Number.isNaN(at.getTime()) ? [null, at.toISOString()] : null;
}

/** SQL for a due time given the parameter numbers of dueParams' pair. */
export const dueAtSql = (msParam: number, atParam: number) =>
  `coalesce($${atParam}::timestamptz, now() + $${msParam}::float8 * interval '1 millisecond')`;

/** Inserts a timer row for a waiting step; `delayHintMs` wakes this worker in time. */
export async function insertTimer(tx: Tx, ctx: Ctx, kind: "SLEEP" | "WAIT_TIMEOUT" | "INVOKE_TIMEOUT", run: RunRow, stepId: string, due: [number | null, string | null], dedupePrefix: string) {
  await tx.query(
    `INSERT INTO ${ctx.db.t.queue} (kind, "runId", "functionId", "stepId", "dueAt", "sortAt", "dedupeKey")
     VALUES ($1, $2, $3, $4, ${dueAtSql(5, 6)}, ${dueAtSql(5, 6)}, $7) ON CONFLICT ("dedupeKey") DO NOTHING`,
    [kind, run.id, run.functionId, stepId, due[0], due[1], `${dedupePrefix}:${run.id}:${stepId}`],
  );
  const delay = due[0] ?? Math.max(0, Date.parse(due[1]!) - Date.now());
  tx.afterCommit(() => ctx.wake(delay));
}
