// batchEvents: matching events collect in one open batch per function and key; the batch becomes
// a run when it reaches maxSize or when its timer (timeout after the first event) fires.
import { newId } from "../../lib/ids.ts";
import type { Ctx, EventPayload } from "../context.ts";
import type { Tx } from "../db.ts";
import type { FunctionDef } from "../functions/config.ts";
import { createRun } from "../runs/create.ts";
import { flowKey } from "./keys.ts";

export async function addToBatch(tx: Tx, ctx: Ctx, fn: FunctionDef, event: EventPayload, eventId: string) {
  const { t } = ctx.db;
  const batch = fn.batch!;
  const [row] = await tx.query<{ id: string; size: number; inserted: boolean }>(
    `INSERT INTO ${t.batch} AS b (id, "functionId", "batchKey", events, size) VALUES ($1, $2, $3, $4, 1)
     ON CONFLICT ("functionId", "batchKey") DO UPDATE SET events = b.events || EXCLUDED.events, size = b.size + 1
     RETURNING id, size, (xmax = 0) AS inserted`,
    [newId("batch"), fn.id, flowKey(batch.key, event), JSON.stringify([{ id: eventId, event }])],
  );
  if (!row) return;
  if (row.size >= batch.maxSize) {
    await flushBatch(tx, ctx, row.id);
  } else if (row.inserted) {
    await tx.query(
      `INSERT INTO ${t.queue} (kind, "functionId", payload, "dueAt", "sortAt", "dedupeKey")
       VALUES ('BATCH', $1, $2, now() + $3 * interval '1 millisecond', now() + $3 * interval '1 millisecond', $4)`,
      [fn.id, JSON.stringify({ batchId: row.id }), batch.timeoutMs, `batch:${row.id}`],
    );
    tx.afterCommit(() => ctx.wake(batch.timeoutMs));
  }
}

/** Turns the batch into a run (if it is still open) and removes its timer. */
export async function flushBatch(tx: Tx, ctx: Ctx, batchId: string) {
  const { t } = ctx.db;
  const [batch] = await tx.query<{ functionId: string; events: { id: string; event: EventPayload }[] }>(
    `DELETE FROM ${t.batch} WHERE id = $1 RETURNING "functionId", events`,
    [batchId],
  );
  await tx.query(`DELETE FROM ${t.queue} WHERE "dedupeKey" = $1 AND "leaseToken" IS NULL`, [`batch:${batchId}`]);
  if (!batch) return;
  const fn = ctx.registry.get(batch.functionId);
  if (!fn) return ctx.log.error(`batch ${batchId}: function ${batch.functionId} is no longer registered; ${batch.events.length} events not run`);
  await createRun(tx, ctx, { fn, events: batch.events.map((e) => e.event), eventIds: batch.events.map((e) => e.id) });
}
