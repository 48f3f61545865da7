// throttle and rateLimit with the generic cell rate algorithm: per key, the theoretical arrival
// time (TAT) of the next run. Each run moves it one emission interval (period / limit) ahead.
// throttle queues a run until its slot (evenly spaced; `burst` runs may start at once);
// rateLimit drops a run that would exceed `limit` in `period`.
import type { Ctx, EventPayload } from "../context.ts";
import type { Tx } from "../db.ts";
import type { FunctionDef } from "../functions/config.ts";
import { flowKey } from "./keys.ts";

/** Milliseconds this run must wait before it starts under the function's throttle. */
export async function throttleDelay(tx: Tx, ctx: Ctx, fn: FunctionDef, event: EventPayload): Promise<number> {
  const throttle = fn.throttle;
  if (!throttle) return 0;
  const interval = throttle.periodMs / throttle.limit;
  const tolerance = (throttle.burst - 1) * interval;
  const [row] = await tx.query<{ delay: string }>(
    `INSERT INTO ${ctx.db.t.throttle} AS th (key, tat) VALUES ($1, now() + $2 * interval '1 millisecond')
     ON CONFLICT (key) DO UPDATE SET tat = GREATEST(th.tat, now()) + $2 * interval '1 millisecond'
     RETURNING GREATEST(0, EXTRACT(EPOCH FROM (tat - now())) * 1000 - $2 - $3) AS delay`,
    [`throttle|${fn.id}|${flowKey(throttle.key, event)}`, interval, tolerance],
  );
  return Number(row?.delay ?? 0);
}

/** False when the function's rateLimit has no room for this run (the run is then skipped). */
export async function withinRateLimit(tx: Tx, ctx: Ctx, fn: FunctionDef, event: EventPayload): Promise<boolean> {
  const limit = fn.rateLimit;
  if (!limit) return true;
  const interval = limit.periodMs / limit.limit;
  const rows = await tx.query(
    `INSERT INTO ${ctx.db.t.throttle} AS th (key, tat) VALUES ($1, now() + $2 * interval '1 millisecond')
     ON CONFLICT (key) DO UPDATE SET tat = GREATEST(th.tat, now()) + $2 * interval '1 millisecond'
       WHERE th.tat - $3 * interval '1 millisecond' <= now() + interval '1 millisecond'
     RETURNING key`,
    [`ratelimit|${fn.id}|${flowKey(limit.key, event)}`, interval, limit.periodMs - interval],
  );
  return rows.length > 0;
}

/** False when a run with the same idempotency key started in the last 24 hours. */
export async function claimIdempotencyKey(tx: Tx, ctx: Ctx, fn: FunctionDef, event: EventPayload, runId: string): Promise<boolean> {
  if (!fn.idempotency) return true;
  const rows = await tx.query(
    `INSERT INTO ${ctx.db.t.idem} AS i (key, "runId", "expiresAt") VALUES ($1, $2, now() + interval '24 hours')
     ON CONFLICT (key) DO UPDATE SET "runId" = EXCLUDED."runId", "expiresAt" = EXCLUDED."expiresAt" WHERE i."expiresAt" < now()
     RETURNING key`,
    [`${fn.id}|${flowKey(fn.idempotency, event)}`, runId],
  );
  return rows.length > 0;
}
