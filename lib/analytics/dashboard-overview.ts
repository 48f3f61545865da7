// The dashboard's headline figures for a period and the one before it: messages from the daily
// rollup (a few hundred rows for a year, whatever the traffic), opt-outs, human clicks and new
// contacts along their (orgId, time) indexes. Rates are left to the page; every count here is one it
// can link to (the messages or contacts behind it).
import { daysBetween } from "@/lib/analytics/aggregate-days";
import { dashboardPeriodInput, previousPeriod, type DashboardPeriod } from "@/lib/analytics/dashboard-input";
import { instants } from "@/lib/analytics/period-sql";
import { orgSql, orgSqlTransaction } from "@/lib/db/sql";
import type { OrgContext } from "@/lib/org-context";

export interface Figures {
  /** Outbound messages that left the queue (sent, delivered, undelivered, failed). */
  sent: number;
  delivered: number;
  failed: number;
  /** Inbound texts (replies, keywords included). */
  received: number;
  optOuts: number;
  /** Human clicks (LinkClick rows without a botReason), and the messages clicked. */
  clicks: number;
  clickedMessages: number;
  newContacts: number;
  segments: number;
  priceMicros: number;
}

export interface DayFigures {
  day: string;
  sent: number;
  delivered: number;
  failed: number;
  received: number;
}

interface RollupRow {
  day: string;
  source: string;
  inPeriod: boolean;
  sent: number;
  delivered: number;
  failed: number;
  received: number;
  segments: number;
  priceMicros: number;
}

const ZERO: Figures = { sent: 0, delivered: 0, failed: 0, received: 0, optOuts: 0, clicks: 0, clickedMessages: 0, newContacts: 0, segments: 0, priceMicros: 0 };

export async function dashboardOverview(ctx: OrgContext, raw: DashboardPeriod) {
  const period = dashboardPeriodInput.parse(raw);
  const previous = previousPeriod(period);
  const { start, end } = instants(period);
  const { start: prevStart } = instants(previous);
  const sql = orgSql(ctx);
  const org = ctx.orgId;

  const [rollup, optOuts, clicks, contacts, activity] = await Promise.all([
    sql.$queryRaw<RollupRow[]>`
      SELECT to_char(day, 'YYYY-MM-DD') AS day, source, day >= ${period.from}::date AS "inPeriod",
             sum(sent)::int AS sent, sum(delivered)::int AS delivered, sum(failed)::int AS failed, sum(received)::int AS received,
             sum(segments)::float8 AS segments, sum("priceMicros")::float8 AS "priceMicros"
      FROM "MessageDailyStat" WHERE "orgId" = ${org} AND day >= ${previous.from}::date AND day <= ${period.to}::date
      GROUP BY day, source ORDER BY day`,
    sql.$queryRaw<{ inPeriod: boolean; n: number }[]>`
      SELECT "occurredAt" >= ${start} AS "inPeriod", count(*)::int AS n FROM "ConsentEvent"
      WHERE "orgId" = ${org} AND "occurredAt" >= ${prevStart} AND "occurredAt" < ${end} AND action = 'OPT_OUT' GROUP BY 1`,
    // The distinct messages sort every click of both periods: in memory, not on disk (at 280k clicks
    // the default 4 MB spilled and took 225 ms; 64 MB, 120 ms: BENCHMARKS.md).
    orgSqlTransaction(ctx, async (tx) => {
      await tx.$queryRaw`SELECT set_config('work_mem', '64MB', true) FROM "Organization" WHERE id = ${org}`;
      return tx.$queryRaw<{ inPeriod: boolean; clicks: number; messages: number }[]>`
        SELECT "occurredAt" >= ${start} AS "inPeriod", count(*)::int AS clicks, count(DISTINCT "messageId")::int AS messages FROM "LinkClick"
        WHERE "orgId" = ${org} AND "occurredAt" >= ${prevStart} AND "occurredAt" < ${end} AND "botReason" IS NULL GROUP BY 1`;
    }),
    sql.$queryRaw<{ source: string | null; current: number; previous: number }[]>`
      SELECT source, count(*) FILTER (WHERE "createdAt" >= ${start})::int AS current, count(*) FILTER (WHERE "createdAt" < ${start})::int AS previous
      FROM "Contact" WHERE "orgId" = ${org} AND "createdAt" >= ${prevStart} AND "createdAt" < ${end} GROUP BY source ORDER BY current DESC`,
    sql.$queryRaw<{ messages: boolean; contacts: boolean; links: boolean }[]>`
      SELECT EXISTS (SELECT 1 FROM "Message" WHERE "orgId" = ${org}) AS messages,
             EXISTS (SELECT 1 FROM "Contact" WHERE "orgId" = ${org}) AS contacts,
             EXISTS (SELECT 1 FROM "ShortLink" WHERE "orgId" = ${org}) AS links`,
  ]);

  const current = { ...ZERO };
  const before = { ...ZERO };
  const daily = new Map<string, DayFigures>();
  const bySource = new Map<string, { source: string; sent: number; delivered: number; failed: number; received: number; segments: number; priceMicros: number }>();
  for (const r of rollup) {
    const into = r.inPeriod ? current : before;
    for (const key of ["sent", "delivered", "failed", "received", "segments", "priceMicros"] as const) into[key] += r[key];
    if (!r.inPeriod) continue;
    const d = daily.get(r.day) ?? { day: r.day, sent: 0, delivered: 0, failed: 0, received: 0 };
    for (const key of ["sent", "delivered", "failed", "received"] as const) d[key] += r[key];
    daily.set(r.day, d);
    // Inbound rows have no source: "inbound".
    const source = r.source || "inbound";
    const s = bySource.get(source) ?? { source, sent: 0, delivered: 0, failed: 0, received: 0, segments: 0, priceMicros: 0 };
    for (const key of ["sent", "delivered", "failed", "received", "segments", "priceMicros"] as const) s[key] += r[key];
    bySource.set(source, s);
  }
  for (const r of optOuts) (r.inPeriod ? current : before).optOuts = r.n;
  for (const r of clicks) Object.assign(r.inPeriod ? current : before, { clicks: r.clicks, clickedMessages: r.messages });
  for (const r of contacts) {
    current.newContacts += r.current;
    before.newContacts += r.previous;
  }

  return {
    period,
    previous,
    current,
    before,
    // Every day of the period, with zeros where nothing happened (the chart's axis stays even).
    daily: daysBetween(new Date(period.from), new Date(period.to)).map((day) => daily.get(day) ?? { day, sent: 0, delivered: 0, failed: 0, received: 0 }),
    bySource: [...bySource.values()].sort((a, b) => b.sent + b.received - (a.sent + a.received)),
    newContactsBySource: contacts.map((r) => ({ source: r.source ?? "other", current: r.current, previous: r.previous })),
    hasMessages: activity[0]!.messages,
    hasContacts: activity[0]!.contacts,
    hasTrackedLinks: activity[0]!.links,
  };
}
