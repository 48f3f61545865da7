// An event starts every function whose trigger it matches, through that function's flow control:
// rate limit and idempotency may skip the run, batching and debounce defer it, singleton skips or
// replaces, throttle delays its start.
import { newId } from "../../lib/ids.ts";
import type { Ctx, EventPayload } from "../context.ts";
import type { Tx } from "../db.ts";
import { matches } from "../expressions/evaluate.ts";
import type { FunctionDef } from "../functions/config.ts";
import { addToBatch } from "../flow/batch.ts";
import { debounceEvent } from "../flow/debounce.ts";
import { claimIdempotencyKey, throttleDelay, withinRateLimit } from "../flow/rates.ts";
import { singletonGate } from "../flow/singleton.ts";
import { createRun } from "../runs/create.ts";

export async function fanOut(tx: Tx, ctx: Ctx, event: EventPayload, eventId: string) {
  for (const { fn, expression } of ctx.registry.triggeredBy(event.name)) {
    if (!matches(expression, { event })) continue;
    await startFunction(tx, ctx, fn, event, eventId);
  }
}

async function startFunction(tx: Tx, ctx: Ctx, fn: FunctionDef, event: EventPayload, eventId: string) {
  if (fn.batch) {
    if (fn.batch.if && !matches(fn.batch.if, { event })) await createRun(tx, ctx, { fn, events: [event], eventIds: [eventId] });
    else await addToBatch(tx, ctx, fn, event, eventId);
    return;
  }
  if (!(await withinRateLimit(tx, ctx, fn, event))) return ctx.log.debug(`${fn.id}: rate limited, event ${eventId} skipped`);
  const runId = newId("run");
  if (!(await claimIdempotencyKey(tx, ctx, fn, event, runId))) return ctx.log.debug(`${fn.id}: duplicate idempotency key, event ${eventId} skipped`);
  if (fn.debounce) return debounceEvent(tx, ctx, fn, event, eventId);
  const singleton = await singletonGate(tx, ctx, fn, event);
  if (!singleton) return ctx.log.debug(`${fn.id}: a singleton run is active, event ${eventId} skipped`);
  const delayMs = await throttleDelay(tx, ctx, fn, event);
  await createRun(tx, ctx, { id: runId, fn, events: [event], eventIds: [eventId], delayMs, singletonKey: singleton.key });
}
