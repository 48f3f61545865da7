// step.invoke: the invoked function runs as a child run whose result (or failure) resolves the
// parent's step; an optional timeout fails the step first.
import { newId } from "../../lib/ids.ts";
import type { Ctx, EventPayload } from "../context.ts";
import { errorOf } from "../context.ts";
import type { Tx } from "../db.ts";
import type { Op } from "../driver/call.ts";
import { dueParams, finishStep, insertTimer, startWaitingStep } from "../driver/steps.ts";
import { createRun } from "./create.ts";
import type { RunRow } from "./run-row.ts";

/** Starts the child run; true when the step was resolved at once (the function does not exist). */
export async function startInvoke(tx: Tx, ctx: Ctx, run: RunRow, op: Op, startedAt: Date): Promise<boolean> {
  const opts = op.opts ?? {};
  const functionId = String(opts.function_id ?? "");
  if (!(await startWaitingStep(tx, ctx, run, op, "INVOKING", { functionId, timeout: opts.timeout ?? null }))) return false;
  const target = ctx.registry.get(functionId);
  if (!target) {
    await finishStep(tx, ctx, run, op, { error: errorOf("Error", `step.invoke: function "${functionId}" is not registered`) }, 1, startedAt);
    return true;
  }
  const payload = (opts.payload ?? {}) as { data?: Record<string, unknown>; v?: string };
  const event: EventPayload = { name: "inngest/function.invoked", data: payload.data ?? {}, id: newId("event"), ts: Date.now() };
  if (payload.v) event.v = payload.v;
  const childId = await createRun(tx, ctx, { fn: target, events: [event], eventIds: [], parent: { runId: run.id, stepId: op.id } });
  await tx.query(`UPDATE ${ctx.db.t.step} SET opts = opts || $3 WHERE "runId" = $1 AND id = $2`, [run.id, op.id, JSON.stringify({ runId: childId })]);
  const due = dueParams(opts.timeout);
  if (due) await insertTimer(tx, ctx, "INVOKE_TIMEOUT", run, op.id, due, "invoke");
  return false;
}
