// A leased queue row as workers see it, and the statements every handler uses on its own row.
import type { Ctx } from "../context.ts";
import type { Tx } from "../db.ts";

export interface QueueItem {
  id: string;
  kind: "CALL" | "SLEEP" | "WAIT_TIMEOUT" | "INVOKE_TIMEOUT" | "BATCH" | "DEBOUNCE" | "CRON" | "RUN_TIMEOUT";
  runId: string | null;
  functionId: string | null;
  stepId: string | null;
  payload: Record<string, unknown> | null;
  attempt: number;
  concurrencyKeys: string[];
  leaseToken: string;
}

export const itemColumns = (alias: string) =>
  `${alias}.id, ${alias}.kind, ${alias}."runId", ${alias}."functionId", ${alias}."stepId", ${alias}.payload, ${alias}.attempt, coalesce(${alias}."concurrencyKeys", '{}') AS "concurrencyKeys", ${alias}."leaseToken"`;

/** Locks the item if this worker still holds its lease; false when the lease was lost or the row is gone. */
export async function holdItem(tx: Tx, ctx: Ctx, item: QueueItem): Promise<{ rerun: boolean } | null> {
  const [row] = await tx.query<{ rerun: boolean }>(`SELECT rerun FROM ${ctx.db.t.queue} WHERE id = $1 AND "leaseToken" = $2 FOR UPDATE`, [item.id, item.leaseToken]);
  return row ?? null;
}

export async function deleteItem(tx: Tx, ctx: Ctx, item: QueueItem) {
  await tx.query(`DELETE FROM ${ctx.db.t.queue} WHERE id = $1 AND "leaseToken" = $2`, [item.id, item.leaseToken]);
}

/** Puts the item back, due in `delayMs`, for any worker to take. */
export async function rescheduleItem(tx: Tx, ctx: Ctx, item: QueueItem, delayMs: number, changes: { attempt?: number } = {}) {
  await tx.query(
    `UPDATE ${ctx.db.t.queue} SET "dueAt" = now() + $3 * interval '1 millisecond', "sortAt" = now() + $3 * interval '1 millisecond',
       attempt = coalesce($4, attempt), rerun = false, "leaseToken" = NULL, "leaseUntil" = NULL
     WHERE id = $1 AND "leaseToken" = $2`,
    [item.id, item.leaseToken, Math.max(0, Math.round(delayMs)), changes.attempt ?? null],
  );
  tx.afterCommit(() => ctx.wake(delayMs));
}

/** Exponential backoff with jitter for retry `attempt` (0-based), capped. */
export function backoffMs(ctx: Ctx, attempt: number): number {
  const base = Math.min(ctx.options.retryBaseMs * 2 ** attempt, ctx.options.retryMaxMs);
  return Math.round(base * (1 + Math.random() * 0.2));
}

/** The row leased to this worker for a follow-up call it makes straight away. */
export function continuation(item: QueueItem, id: string, runId: string, functionId: string): QueueItem {
  return { id, kind: "CALL", runId, functionId, stepId: "step", payload: null, attempt: 0, concurrencyKeys: [], leaseToken: item.leaseToken };
}
