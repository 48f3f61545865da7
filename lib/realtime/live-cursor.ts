// Catching up without losing an event. LiveEvent ids come from a sequence, and transactions commit
// out of id order: a transaction can take id 9, stay open, and commit after another's id 10 has been
// delivered, so "everything after id 10" would miss 9 for good. Instead each row keeps its
// transaction (txid) and its horizon: the xmin of the snapshot it was inserted under, older than every
// transaction then running or yet to begin. NOTIFYs reach a listener in commit order, so one that
// has heard event L has every event committed before L's transaction; any event it lacks belongs to
// a transaction that committed later, which was running or not yet begun when L's snapshot was taken:
// its txid >= L's horizon. So catching up from L reads the rows with txid >= L's horizon (a superset:
// some were heard already, and are skipped by id). The rows are pruned after an hour; a resume point
// older than that cannot be honoured, and the reader is told to start afresh (`reset`).
import { Prisma } from "@/lib/generated/prisma/client";
import type { SqlClient } from "@/lib/db/sql";
import type { LiveMessage } from "@/lib/realtime/topics";

/** More than this many events to catch up on: start afresh instead (a browser reloads its view). */
export const CATCH_UP_LIMIT = 5_000;

export interface StoredEvent extends LiveMessage {
  id: string;
  orgId: string;
}

export type CatchUp = { ok: true; events: StoredEvent[] } | { ok: false };

interface Row {
  id: string;
  orgId: string;
  topic: string;
  data: Record<string, unknown>;
}

const toEvent = (row: Row): StoredEvent => ({ id: row.id, orgId: row.orgId, topic: row.topic, data: row.data });

/**
 * The org's events that one who has heard event `lastId` may lack (and some it has), in id order;
 * `ok: false` when `lastId` is unknown (pruned, another org's, garbage) or there are too many.
 */
export async function orgEventsAfter(db: SqlClient, orgId: string, lastId: string): Promise<CatchUp> {
  if (!/^\d{1,18}$/.test(lastId)) return { ok: false };
  const rows = await db.$queryRaw<Row[]>`
    SELECT e.id::text AS id, e."orgId", e.topic, e.data FROM "LiveEvent" e
    WHERE e."orgId" = ${orgId}
      AND e.txid >= (SELECT l.horizon FROM "LiveEvent" l WHERE l.id = ${lastId}::bigint AND l."orgId" = ${orgId})
    ORDER BY e.id LIMIT ${CATCH_UP_LIMIT + 1}`;
  if (rows.length > CATCH_UP_LIMIT) return { ok: false };
  if (rows.length === 0) {
    // Nothing newer, or no such event: tell them apart.
    const [known] = await db.$queryRaw<{ n: number }[]>`SELECT 1 AS n FROM "LiveEvent" WHERE id = ${lastId}::bigint AND "orgId" = ${orgId}`;
    if (!known) return { ok: false };
  }
  return { ok: true, events: rows.map(toEvent).filter((e) => e.id !== lastId) };
}

/** Every org's events from transactions at or after `horizon` (a listener's catch-up after its connection broke), in id order. */
export async function eventsSinceHorizon(query: (sql: Prisma.Sql) => Promise<Row[]>, horizon: string): Promise<StoredEvent[]> {
  const rows = await query(Prisma.sql`SELECT id::text AS id, "orgId", topic, data FROM "LiveEvent" e WHERE txid >= ${horizon}::xid8 ORDER BY e.id`);
  return rows.map(toEvent);
}

/** The rows `from`..`to` of transaction `txid`: a NOTIFY too big to carry them inline names them so. */
export async function eventsOfTransaction(query: (sql: Prisma.Sql) => Promise<Row[]>, txid: string, from: string, to: string): Promise<StoredEvent[]> {
  const rows = await query(
    Prisma.sql`SELECT id::text AS id, "orgId", topic, data FROM "LiveEvent" e WHERE id BETWEEN ${from}::bigint AND ${to}::bigint AND txid = ${txid}::xid8 ORDER BY e.id`,
  );
  return rows.map(toEvent);
}

/** The current snapshot's xmin: a catch-up point that misses nothing committed from now on. */
export const HORIZON_NOW = Prisma.sql`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon`;

/** The org's newest event id, if any: the resume point of a stream that has heard nothing yet. */
export async function newestOrgEventId(db: SqlClient, orgId: string): Promise<string | null> {
  const [row] = await db.$queryRaw<{ id: string | null }[]>`SELECT max(id)::text AS id FROM "LiveEvent" WHERE "orgId" = ${orgId}`;
  return row?.id ?? null;
}
