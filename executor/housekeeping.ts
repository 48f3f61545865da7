// Retention: ended runs (with their steps) and events older than EXECUTOR_RETENTION_DAYS go, as do
// expired idempotency keys and idle throttle state. In small batches, so the embedded database
// (one transaction at a time) is never held for long.
import type { Ctx } from "./context.ts";

const EVERY_MS = 10 * 60_000;
const BATCH = 1_000;

async function sweep(ctx: Ctx) {
  const { t } = ctx.db;
  const days = ctx.options.retentionDays;
  const statements: [string, unknown[]][] = [
    [`DELETE FROM ${t.run} WHERE id IN (SELECT id FROM ${t.run} WHERE status IN ('COMPLETED', 'FAILED', 'CANCELLED') AND "endedAt" < now() - $1 * interval '1 day' LIMIT ${BATCH})`, [days]],
    [`DELETE FROM ${t.event} WHERE id IN (SELECT id FROM ${t.event} WHERE "receivedAt" < now() - $1 * interval '1 day' LIMIT ${BATCH})`, [days]],
    [`DELETE FROM ${t.idem} WHERE key IN (SELECT key FROM ${t.idem} WHERE "expiresAt" < now() LIMIT ${BATCH})`, []],
    [`DELETE FROM ${t.throttle} WHERE key IN (SELECT key FROM ${t.throttle} WHERE tat < now() - interval '1 day' LIMIT ${BATCH})`, []],
  ];
  for (const [sql, params] of statements) {
    for (let round = 0; round < 100; round++) {
      const deleted = (await ctx.db.pool.query(sql, params)).rowCount ?? 0;
      if (deleted < BATCH) break;
    }
  }
}

export function startHousekeeping(ctx: Ctx): () => void {
  const run = () => sweep(ctx).catch((error) => ctx.log.error("housekeeping failed", error));
  const first = setTimeout(run, 60_000);
  const timer = setInterval(run, EVERY_MS);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
