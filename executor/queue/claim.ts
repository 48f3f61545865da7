// Taking due rows off the queue. A claim leases rows (token + expiry) with FOR UPDATE SKIP LOCKED,
// so concurrent workers never take the same row; a worker that dies simply lets its leases expire.
// Rows of runs in concurrency groups are claimed under a per-group advisory lock, counting the
// group's live leases, so a group's limit holds across every executor on the database.
import type { Ctx } from "../context.ts";
import { limitOfKey } from "../flow/keys.ts";
import { itemColumns, type QueueItem } from "./item.ts";

// Priority moves a row's sortAt up to 600 s before its dueAt; rows further out cannot be due.
const DUE = `"dueAt" <= now() AND "sortAt" <= now() + interval '600 seconds' AND ("leaseUntil" IS NULL OR "leaseUntil" < now())`;
const UNLIMITED = `("concurrencyKeys" IS NULL OR "concurrencyKeys" = '{}')`;

export async function claim(ctx: Ctx, max: number, token: string): Promise<QueueItem[]> {
  if (max <= 0) return [];
  const { t } = ctx.db;
  const items: QueueItem[] = await ctx.db.query<QueueItem & Record<string, unknown>>(
    `UPDATE ${t.queue} q SET "leaseToken" = $1, "leaseUntil" = now() + $2 * interval '1 millisecond'
     FROM (SELECT id FROM ${t.queue} WHERE ${DUE} AND ${UNLIMITED} ORDER BY "sortAt" LIMIT $3 FOR UPDATE SKIP LOCKED) due
     WHERE q.id = due.id RETURNING ${itemColumns("q")}`,
    [token, ctx.options.leaseMs, max],
  );
  if (items.length < max) items.push(...(await claimLimited(ctx, max - items.length, token)));
  return items;
}

async function claimLimited(ctx: Ctx, max: number, token: string): Promise<QueueItem[]> {
  const { t } = ctx.db;
  return ctx.db.tx(async (tx) => {
    // Groups already at their limit are passed over in the scan: taking the first rows by sortAt
    // alone let a long line of one full group (a sender's dispatcher asked for a thousand times,
    // limit 1) hide every other group's rows behind it until it drained. A hint read without the
    // locks: the count under them below still decides.
    const full = await tx.query<{ k: string; n: string }>(
      `SELECT k, count(*) AS n FROM ${t.queue}, unnest("concurrencyKeys") AS k
       WHERE "leaseToken" IS NOT NULL AND "leaseUntil" >= now() GROUP BY k`,
    );
    const saturated = full.filter((row) => Number(row.n) >= limitOfKey(row.k)).map((row) => row.k);
    const candidates = await tx.query<{ id: string; concurrencyKeys: string[] }>(
      `SELECT id, "concurrencyKeys" FROM ${t.queue} WHERE ${DUE} AND NOT ${UNLIMITED} AND NOT ("concurrencyKeys" && $2::text[])
       ORDER BY "sortAt" LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [Math.max(max * 4, 50), saturated],
    );
    if (candidates.length === 0) return [];
    const keys = [...new Set(candidates.flatMap((c) => c.concurrencyKeys))].sort();
    // Every executor takes the groups' locks in the same (sorted) order, then counts live leases.
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended(k, 2)) FROM unnest($1::text[]) AS k`, [keys]);
    const counts = await tx.query<{ k: string; n: string }>(
      `SELECT k, count(*) AS n FROM ${t.queue}, unnest("concurrencyKeys") AS k
       WHERE "concurrencyKeys" && $1::text[] AND "leaseUntil" >= now() AND k = ANY($1::text[]) GROUP BY k`,
      [keys],
    );
    const running = new Map(counts.map((row) => [row.k, Number(row.n)]));
    const picked: string[] = [];
    for (const candidate of candidates) {
      if (picked.length >= max) break;
      if (!candidate.concurrencyKeys.every((k) => (running.get(k) ?? 0) < limitOfKey(k))) continue;
      for (const k of candidate.concurrencyKeys) running.set(k, (running.get(k) ?? 0) + 1);
      picked.push(candidate.id);
    }
    if (picked.length === 0) return [];
    return tx.query<QueueItem & Record<string, unknown>>(
      `UPDATE ${t.queue} q SET "leaseToken" = $1, "leaseUntil" = now() + $2 * interval '1 millisecond' WHERE q.id = ANY($3::bigint[]) RETURNING ${itemColumns("q")}`,
      [token, ctx.options.leaseMs, picked],
    );
  });
}

/** Extends the leases of rows in flight; returns the ids still held (a missing one was lost or cancelled). */
export async function renewLeases(ctx: Ctx, ids: string[], tokens: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await ctx.db.query<{ id: string }>(
    `UPDATE ${ctx.db.t.queue} SET "leaseUntil" = now() + $3 * interval '1 millisecond' WHERE id = ANY($1::bigint[]) AND "leaseToken" = ANY($2::text[]) RETURNING id`,
    [ids, tokens, ctx.options.leaseMs],
  );
  return new Set(rows.map((row) => String(row.id)));
}

/** Gives rows back (shutting down): due again at once for any worker. */
export async function releaseLeases(ctx: Ctx, ids: string[], tokens: string[]) {
  if (ids.length === 0) return;
  await ctx.db.query(`UPDATE ${ctx.db.t.queue} SET "leaseToken" = NULL, "leaseUntil" = NULL WHERE id = ANY($1::bigint[]) AND "leaseToken" = ANY($2::text[])`, [ids, tokens]);
}
