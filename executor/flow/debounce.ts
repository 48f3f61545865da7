// debounce: the latest event per function and key waits in JobDebounce until `period` passes
// without another (or `timeout` after the first); then its timer starts the run.
import type { Ctx, EventPayload } from "../context.ts";
import type { Tx } from "../db.ts";
import type { FunctionDef } from "../functions/config.ts";
import { createRun } from "../runs/create.ts";
import { flowKey } from "./keys.ts";
import { throttleDelay } from "./rates.ts";

export async function debounceEvent(tx: Tx, ctx: Ctx, fn: FunctionDef, event: EventPayload, eventId: string) {
  const { t } = ctx.db;
  const debounce = fn.debounce!;
  const key = `${fn.id}|${flowKey(debounce.key, event)}`;
  const [row] = await tx.query<{ delay: string }>(
    `INSERT INTO ${t.debounce} AS d (key, "functionId", event, "dueAt", "firstAt")
     VALUES ($1, $2, $3, now() + $4 * interval '1 millisecond', now())
     ON CONFLICT (key) DO UPDATE SET event = EXCLUDED.event,
       "dueAt" = LEAST(EXCLUDED."dueAt", coalesce(d."firstAt" + $5 * interval '1 millisecond', EXCLUDED."dueAt"))
     RETURNING GREATEST(0, EXTRACT(EPOCH FROM ("dueAt" - now())) * 1000) AS delay`,
    [key, fn.id, JSON.stringify({ id: eventId, event }), debounce.periodMs, debounce.timeoutMs ?? null],
  );
  const delay = Number(row?.delay ?? debounce.periodMs);
  await tx.query(
    `INSERT INTO ${t.queue} (kind, "functionId", payload, "dueAt", "sortAt", "dedupeKey")
     VALUES ('DEBOUNCE', $1, $2, now() + $3 * interval '1 millisecond', now() + $3 * interval '1 millisecond', $4)
     ON CONFLICT ("dedupeKey") DO UPDATE SET "dueAt" = EXCLUDED."dueAt", "sortAt" = EXCLUDED."sortAt"`,
    [fn.id, JSON.stringify({ key }), delay, `debounce:${key}`],
  );
  tx.afterCommit(() => ctx.wake(delay));
}

/**
 * The debounce timer fired: start the run if the period really passed, else report how long to
 * wait (a newer event moved it). Null when there is nothing left to do.
 */
export async function fireDebounce(tx: Tx, ctx: Ctx, key: string): Promise<{ waitMs: number } | null> {
  const { t } = ctx.db;
  const [due] = await tx.query<{ functionId: string; event: { id: string; event: EventPayload } }>(
    `DELETE FROM ${t.debounce} WHERE key = $1 AND "dueAt" <= now() RETURNING "functionId", event`,
    [key],
  );
  if (!due) {
    const [pending] = await tx.query<{ delay: string }>(`SELECT GREATEST(0, EXTRACT(EPOCH FROM ("dueAt" - now())) * 1000) AS delay FROM ${t.debounce} WHERE key = $1`, [key]);
    return pending ? { waitMs: Number(pending.delay) } : null;
  }
  const fn = ctx.registry.get(due.functionId);
  if (!fn) {
    ctx.log.error(`debounce ${key}: function ${due.functionId} is no longer registered`);
    return null;
  }
  const delayMs = await throttleDelay(tx, ctx, fn, due.event.event);
  await createRun(tx, ctx, { fn, events: [due.event.event], eventIds: [due.event.id], delayMs });
  return null;
}
