// Keeps the daily message rollup (aggregate-days.ts) current, once a minute (lib/jobs/refresh-analytics.ts):
// the (org, day) pairs touched since the watermark are counted again. Touched means a message made,
// or a history row written (every status move writes one, lib/messaging/message-history.ts), since
// then: both found along their primary keys, whose ids are time-ordered (lib/ids.ts), so the
// pipeline pays for no index or write of ours. The pipeline never writes the rollup itself: one row
// per org and day updated by every dispatcher round would serialise them.
import { aggregateDays, daysBetween, DAY_MS, ID_SLACK_MS, type OrgDay } from "@/lib/analytics/aggregate-days";
import type { Db } from "@/lib/db/client";
import { systemSqlTransaction, type SystemSqlClient } from "@/lib/db/sql";
import { firstIdAt, idTime } from "@/lib/ids";

// Ids are taken before their transaction commits, by the app's clock: writes up to this much older
// than the watermark are read again. A transaction open longer is cut off anyway
// (DB_IDLE_IN_TRANSACTION_TIMEOUT_MS, DB_STATEMENT_TIMEOUT_MS are seconds).
export const OVERLAP_MS = 5 * 60_000;
// Days counted in one statement: a first run over a long history goes in pieces, each well within
// the statement timeout.
const DAYS_A_STATEMENT = 14;
const WATERMARK = "messages";
// `msg_` and the first 6 of the id's 10 time characters (base 32, lib/ids.ts): spans of 32^4 ms, 17.5 minutes.
const BUCKET_CHARS = 4 + 6;
const BUCKET_MS = 32 ** 4;

export interface RefreshResult {
  days: number;
  rows: number;
  /** No watermark yet: every org's whole history was counted. */
  full: boolean;
}

export async function refreshMessageRollup(db: Db): Promise<RefreshResult> {
  return systemSqlTransaction(db, async (tx) => {
    // One refresh at a time, whatever runs the job.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('analytics:message-rollup', 0))`;
    const [clock] = await tx.$queryRaw<{ now: Date }[]>`SELECT clock_timestamp() AT TIME ZONE 'UTC' AS now`;
    const [mark] = await tx.$queryRaw<{ at: Date }[]>`SELECT at FROM "AnalyticsWatermark" WHERE id = ${WATERMARK}`;
    const touched = mark ? await touchedSince(tx, new Date(mark.at.getTime() - OVERLAP_MS)) : await everyDay(tx, clock!.now);
    let rows = 0;
    for (let i = 0; i < touched.length; i += DAYS_A_STATEMENT) rows += await aggregateDays(tx, touched.slice(i, i + DAYS_A_STATEMENT));
    await tx.$executeRaw`
      INSERT INTO "AnalyticsWatermark" (id, at) VALUES (${WATERMARK}, ${clock!.now})
      ON CONFLICT (id) DO UPDATE SET at = EXCLUDED.at`;
    return { days: touched.length, rows, full: !mark };
  });
}

async function touchedSince(tx: SystemSqlClient, since: Date): Promise<OrgDay[]> {
  const made = await tx.$queryRaw<OrgDay[]>`
    SELECT DISTINCT "orgId", to_char("createdAt"::date, 'YYYY-MM-DD') AS day FROM "Message" WHERE id >= ${firstIdAt("message", since)}`;
  // A history row's message day is read off the message id's time part, not joined to Message: at
  // full speed the pipeline writes several rows a message, and the join was most of the job's time.
  // The ids are bucketed by their first characters (MESSAGE_BUCKET_MS), each bucket giving the days
  // it spans, with the slack between an id's time and its row's createdAt.
  const buckets = await tx.$queryRaw<{ orgId: string; bucket: string }[]>`
    SELECT DISTINCT "orgId", substr("messageId", 1, ${BUCKET_CHARS}) AS bucket FROM "MessageEvent" WHERE id >= ${firstIdAt("messageEvent", since)}`;
  const days = new Map<string, OrgDay>(made.map((d) => [`${d.orgId} ${d.day}`, d]));
  for (const { orgId, bucket } of buckets) {
    const start = idTime(bucket);
    for (const day of daysBetween(new Date(start - ID_SLACK_MS), new Date(start + BUCKET_MS + ID_SLACK_MS))) days.set(`${orgId} ${day}`, { orgId, day });
  }
  return [...days.values()].sort((a, b) => a.orgId.localeCompare(b.orgId) || a.day.localeCompare(b.day));
}

// From each org's oldest message (the first along the id index) to today.
async function everyDay(tx: SystemSqlClient, now: Date): Promise<OrgDay[]> {
  const oldest = await tx.$queryRaw<{ orgId: string; at: Date }[]>`
    SELECT o.id AS "orgId", first.at FROM "Organization" o
    CROSS JOIN LATERAL (SELECT m."createdAt" AS at FROM "Message" m WHERE m."orgId" = o.id ORDER BY m.id LIMIT 1) first`;
  return oldest.flatMap(({ orgId, at }) => daysBetween(new Date(at.getTime() - DAY_MS), now).map((day) => ({ orgId, day })));
}
