// Publishing live events (lib/realtime/topics.ts) from inside the caller's transaction: the rows and
// their NOTIFY are part of it, and PostgreSQL delivers a NOTIFY only when its transaction commits, so
// no listener hears of a change that rolls back, or before it is visible. One statement: the rows,
// then one NOTIFY naming them (inline when they fit in a NOTIFY's 8,000 bytes, else by their
// transaction and id range, which the listener reads back).
import type { OrgBinding, SqlClient } from "@/lib/db/sql";
import { orgSql } from "@/lib/db/sql";
import { CHANNEL_SQL } from "@/lib/realtime/channel";
import type { LiveEventInput } from "@/lib/realtime/topics";

// Below PostgreSQL's limit (8,000 bytes) with room to spare.
const INLINE_LIMIT = 7_500;

/**
 * Stores `events` for `orgId` and notifies listeners when `tx`'s transaction commits. Give it the
 * transaction's client (any SqlClient: Prisma's, orgSql's, systemSql's); with a client outside a
 * transaction the statement commits, and is heard, at once.
 */
export async function publishLive(tx: SqlClient, orgId: string, events: readonly LiveEventInput[]): Promise<void> {
  if (events.length === 0) return;
  const json = JSON.stringify(events.map((e) => ({ topic: e.topic, data: e.data })));
  await tx.$queryRaw`
    WITH input AS (
      SELECT e->>'topic' AS topic, e->'data' AS data, n FROM jsonb_array_elements(${json}::jsonb) WITH ORDINALITY AS u(e, n)
    ), stored AS (
      INSERT INTO "LiveEvent" ("orgId", topic, data)
      SELECT ${orgId}, topic, data FROM input ORDER BY n
      RETURNING id, topic, data, txid, horizon
    ), payload AS (
      -- One statement's rows share their transaction and snapshot: any row's txid and horizon is theirs.
      SELECT json_build_object('o', ${orgId}::text, 'h', (array_agg(horizon::text))[1], 'e',
               json_agg(json_build_array(id::text, topic, data) ORDER BY id))::text AS whole,
             json_build_object('o', ${orgId}::text, 'h', (array_agg(horizon::text))[1], 'x', (array_agg(txid::text))[1],
               'a', min(id)::text, 'b', max(id)::text)::text AS named
      FROM stored
    )
    SELECT pg_notify(${CHANNEL_SQL}, CASE WHEN octet_length(whole) <= ${INLINE_LIMIT} THEN whole ELSE named END)::text AS sent FROM payload`;
}

/**
 * Presence (who views or types in a conversation): a NOTIFY alone, nothing stored, sent at once.
 * Ephemeral by nature: a browser that misses one hears the next (they repeat while someone stays).
 */
export async function publishPresence(ctx: OrgBinding, data: Record<string, unknown>): Promise<void> {
  const payload = JSON.stringify(data);
  if (payload.length > INLINE_LIMIT - 200) throw new Error("A presence notice must be small");
  await orgSql(ctx).$queryRaw`
    SELECT pg_notify(${CHANNEL_SQL}, json_build_object('o', ${ctx.orgId}::text, 'p', ${payload}::json)::text)::text AS sent`;
}
