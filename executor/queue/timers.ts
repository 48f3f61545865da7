// Timer rows coming due: a sleep ends, a wait or invoke times out, a batch or debounce fires, a
// cron ticks, a run exceeds its start/finish timeout. Each is one transaction that re-checks the
// lease, so a timer fires once even with several executors.
import { newId } from "../../lib/ids.ts";
import type { Ctx, EventPayload } from "../context.ts";
import { errorOf } from "../context.ts";
import { nextCronTime, parseCron } from "../cron.ts";
import type { Tx } from "../db.ts";
import { flushBatch } from "../flow/batch.ts";
import { fireDebounce } from "../flow/debounce.ts";
import { throttleDelay } from "../flow/rates.ts";
import { createRun } from "../runs/create.ts";
import { cancelRun } from "../runs/finish.ts";
import { finalizeStep } from "../runs/resolve.ts";
import { lockRun } from "../runs/run-row.ts";
import { continuation, deleteItem, holdItem, type QueueItem } from "./item.ts";

type Result = QueueItem | null;

/** Steps that end when their timer fires, and the result they get. */
async function resolveTimedStep(tx: Tx, ctx: Ctx, item: QueueItem): Promise<Result> {
  const run = await lockRun(tx, ctx, item.runId!);
  if (!(await holdItem(tx, ctx, item))) return null;
  await deleteItem(tx, ctx, item);
  if (!run) return null;
  const lease = { token: item.leaseToken };
  let outcome: { continueWith: string | null } = { continueWith: null };
  if (item.kind === "SLEEP") {
    outcome = await finalizeStep(tx, ctx, run, item.stepId!, "SLEEPING", { data: null }, lease);
  } else if (item.kind === "WAIT_TIMEOUT") {
    const gone = await tx.count(`DELETE FROM ${ctx.db.t.wait} WHERE "runId" = $1 AND "stepId" = $2 AND kind = 'WAIT'`, [run.id, item.stepId]);
    if (gone > 0) outcome = await finalizeStep(tx, ctx, run, item.stepId!, "WAITING", { data: null }, lease);
  } else {
    const error = errorOf("InngestInvokeTimeoutError", "Timed out waiting for the invoked function to complete");
    outcome = await finalizeStep(tx, ctx, run, item.stepId!, "INVOKING", { error }, lease);
  }
  return outcome.continueWith ? continuation(item, outcome.continueWith, run.id, run.functionId) : null;
}

async function fireCron(tx: Tx, ctx: Ctx, item: QueueItem): Promise<Result> {
  if (!(await holdItem(tx, ctx, item))) return null;
  const cron = String(item.payload?.cron ?? "");
  const fn = ctx.registry.get(item.functionId ?? "");
  if (!fn || !fn.crons.includes(cron)) {
    await deleteItem(tx, ctx, item);
    return null;
  }
  const eventId = newId("event");
  const event: EventPayload = { name: "inngest/scheduled.timer", data: { cron }, id: eventId, ts: Date.now() };
  await tx.query(`INSERT INTO ${ctx.db.t.event} (id, name, data, "occurredAt") VALUES ($1, $2, $3, now())`, [eventId, event.name, JSON.stringify(event.data)]);
  const delayMs = await throttleDelay(tx, ctx, fn, event);
  await createRun(tx, ctx, { fn, events: [event], eventIds: [eventId], delayMs });
  // Missed ticks (the executor was down) fire once, not once per tick missed.
  const next = nextCronTime(parseCron(cron), new Date());
  await tx.query(
    `UPDATE ${ctx.db.t.queue} SET "dueAt" = $2, "sortAt" = $2, "leaseToken" = NULL, "leaseUntil" = NULL WHERE id = $1`,
    [item.id, next],
  );
  tx.afterCommit(() => ctx.wake(next.getTime() - Date.now()));
  return null;
}

async function fireRunTimeout(tx: Tx, ctx: Ctx, item: QueueItem): Promise<Result> {
  const run = await lockRun(tx, ctx, item.runId!);
  if (!(await holdItem(tx, ctx, item))) return null;
  await deleteItem(tx, ctx, item);
  const type = item.payload?.type === "start" ? "start" : "finish";
  if (run && (type === "finish" || run.status === "QUEUED")) {
    await cancelRun(tx, ctx, run, type === "start" ? "timed out before starting (timeouts.start)" : "timed out before finishing (timeouts.finish)");
  }
  return null;
}

export async function handleTimer(ctx: Ctx, item: QueueItem): Promise<Result> {
  return ctx.db.tx(async (tx): Promise<Result> => {
    switch (item.kind) {
      case "SLEEP":
      case "WAIT_TIMEOUT":
      case "INVOKE_TIMEOUT":
        return resolveTimedStep(tx, ctx, item);
      case "CRON":
        return fireCron(tx, ctx, item);
      case "RUN_TIMEOUT":
        return fireRunTimeout(tx, ctx, item);
      case "BATCH":
        if (!(await holdItem(tx, ctx, item))) return null;
        await flushBatch(tx, ctx, String(item.payload?.batchId));
        await deleteItem(tx, ctx, item);
        return null;
      case "DEBOUNCE": {
        if (!(await holdItem(tx, ctx, item))) return null;
        const pending = await fireDebounce(tx, ctx, String(item.payload?.key));
        if (!pending) await deleteItem(tx, ctx, item);
        else {
          await tx.query(
            `UPDATE ${ctx.db.t.queue} SET "dueAt" = now() + $2 * interval '1 millisecond', "sortAt" = now() + $2 * interval '1 millisecond', "leaseToken" = NULL, "leaseUntil" = NULL WHERE id = $1`,
            [item.id, pending.waitMs],
          );
          tx.afterCommit(() => ctx.wake(pending.waitMs));
        }
        return null;
      }
      default:
        ctx.log.error(`unknown queue row kind ${item.kind}; dropped`);
        await deleteItem(tx, ctx, item);
        return null;
    }
  });
}
