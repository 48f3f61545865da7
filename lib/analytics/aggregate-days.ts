// The daily message rollup's one writer: each (org, day) given is counted again from Message and its
// rows replaced. A day is the UTC day of the message's creation (orgs have no zone of their own,
// and a fixed day lets late receipts land on the day the message was made, as the message list's
// date filter finds it). Counting a whole day again, rather than adding deltas, makes the job
// idempotent: a day counted twice is still right, so the watermark may overlap freely.
// An inbound text is put on the campaign of the last message its contact got, if that came within
// the campaign funnel's reply window (campaign-stats.ts): replies and STOPs by campaign. One probe
// each along (orgId, contactId, id), as the funnel's; inbound texts are a small share of traffic.
import { DEFAULT_REPLY_DAYS } from "@/lib/campaigns/campaign-input";
import type { SqlClient } from "@/lib/db/sql";
import { firstIdAt } from "@/lib/ids";

export const DAY_MS = 86_400_000;
// Ids are made by the app's clock just before the database stamps createdAt: a day's messages are
// read along the (orgId, id) index with an hour of slack each side, and kept by createdAt.
export const ID_SLACK_MS = 3_600_000;

export interface OrgDay {
  orgId: string;
  /** `YYYY-MM-DD`, a UTC day. */
  day: string;
}

/** Outbound messages that left the queue: the "sends" every rate divides by. */
export const SENT_STATUSES = ["SENT", "DELIVERED", "UNDELIVERED", "FAILED"] as const;
export const FAILED_STATUSES = ["UNDELIVERED", "FAILED"] as const;

export async function aggregateDays(tx: SqlClient, days: OrgDay[]): Promise<number> {
  if (days.length === 0) return 0;
  const orgs = days.map((d) => d.orgId);
  const dates = days.map((d) => d.day);
  const start = (d: OrgDay) => Date.parse(`${d.day}T00:00:00Z`);
  const low = days.map((d) => firstIdAt("message", new Date(start(d) - ID_SLACK_MS)));
  const high = days.map((d) => firstIdAt("message", new Date(start(d) + DAY_MS + ID_SLACK_MS)));
  await tx.$executeRaw`
    DELETE FROM "MessageDailyStat" s USING unnest(${orgs}::text[], ${dates}::date[]) AS t(org, day)
    WHERE s."orgId" = t.org AND s.day = t.day AND s."orgId" = ANY(${orgs}::text[])`;
  return tx.$executeRaw`
    INSERT INTO "MessageDailyStat" ("orgId", day, "senderId", source, "campaignId", direction, "errorCode",
                                    messages, sent, delivered, failed, pending, canceled, received, "optOuts", segments, "priceMicros")
    SELECT t.org, t.day, coalesce(m."senderId", ''), coalesce(m.source, ''), coalesce(m."campaignId", replied_to."campaignId", ''), m.direction,
           coalesce(m."errorCode", ''),
           count(*),
           count(*) FILTER (WHERE m.status::text = ANY(${SENT_STATUSES}::text[])),
           count(*) FILTER (WHERE m.status = 'DELIVERED'),
           count(*) FILTER (WHERE m.status::text = ANY(${FAILED_STATUSES}::text[])),
           count(*) FILTER (WHERE m.status IN ('SCHEDULED', 'QUEUED', 'SENDING')),
           count(*) FILTER (WHERE m.status = 'CANCELED'),
           count(*) FILTER (WHERE m.status = 'RECEIVED'),
           count(*) FILTER (WHERE m.direction = 'INBOUND' AND EXISTS (
             SELECT 1 FROM "ConsentEvent" e WHERE e."orgId" = t.org AND e."contactId" = m."contactId" AND e."messageId" = m.id AND e.action = 'OPT_OUT')),
           coalesce(sum(m.segments) FILTER (WHERE m.status::text = ANY(${SENT_STATUSES}::text[])), 0),
           coalesce(sum(m."priceMicros") FILTER (WHERE m.status::text = ANY(${SENT_STATUSES}::text[])), 0)
    FROM unnest(${orgs}::text[], ${dates}::date[], ${low}::text[], ${high}::text[]) AS t(org, day, low, high)
    JOIN "Message" m ON m."orgId" = t.org AND m.id >= t.low AND m.id < t.high
                    AND m."createdAt" >= t.day AND m."createdAt" < t.day + 1
    LEFT JOIN LATERAL (
      SELECT last."campaignId" FROM (
        SELECT o."campaignId", o."createdAt" FROM "Message" o
        WHERE m.direction = 'INBOUND' AND o."orgId" = t.org AND o."contactId" = m."contactId" AND o.id < m.id AND o.direction = 'OUTBOUND'
        ORDER BY o.id DESC LIMIT 1) last
      WHERE last."createdAt" >= m."createdAt" - make_interval(days => ${DEFAULT_REPLY_DAYS})
    ) replied_to ON true
    WHERE m."orgId" = ANY(${orgs}::text[])
    GROUP BY 1, 2, 3, 4, 5, 6, 7`;
}

/** The UTC days from `from` to `to`, both included, as `YYYY-MM-DD`. */
export function daysBetween(from: Date, to: Date): string[] {
  const days: string[] = [];
  for (let t = Math.floor(from.getTime() / DAY_MS) * DAY_MS; t <= to.getTime(); t += DAY_MS) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}
