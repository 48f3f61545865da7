// What a campaign's results page draws besides its funnel: messages sent, delivered and failed (or
// found undelivered: both stamp failedAt) over time (per minute for a campaign that sent within three hours, else per hour), and its failures by
// the carrier's error code with the carrier's own words. Both read the campaign's messages through
// their (campaignId, status) index; a million-message campaign is one pass each. And people's clicks
// of its tracked links over time (per minute for three hours, per hour for 14 days, else per day),
// all and first per recipient, read along LinkClick(campaignId, occurredAt).
import type { z } from "zod";
import { campaignIdInput } from "@/lib/campaigns/campaign-input";
import { getCampaign } from "@/lib/campaigns/manage-campaigns";
import { orgSql } from "@/lib/db/sql";
import type { OrgContext } from "@/lib/org-context";

export interface TimelinePoint {
  at: string;
  sent: number;
  delivered: number;
  failed: number;
}

export interface CampaignTimeline {
  unit: "minute" | "hour";
  points: TimelinePoint[];
}

const MINUTES_UP_TO_MS = 3 * 3_600_000;

export async function campaignTimeline(ctx: OrgContext, raw: z.input<typeof campaignIdInput>): Promise<CampaignTimeline> {
  const campaign = await getCampaign(ctx, raw);
  const sql = orgSql(ctx);
  const [span] = await sql.$queryRaw<{ first: Date | null; last: Date | null }[]>`
    SELECT min(least("sentAt", "failedAt")) AS first, max(greatest("sentAt", "deliveredAt", "failedAt")) AS last
    FROM "Message" WHERE "campaignId" = ${campaign.id} AND "orgId" = ${ctx.orgId}`;
  if (!span?.first || !span.last) return { unit: "minute", points: [] };
  const unit = span.last.getTime() - span.first.getTime() <= MINUTES_UP_TO_MS ? "minute" : "hour";
  const rows = await sql.$queryRaw<{ at: Date; sent: number; delivered: number; failed: number }[]>`
    SELECT date_trunc(${unit}, e.at) AS at,
           count(*) FILTER (WHERE e.kind = 'sent')::int AS sent,
           count(*) FILTER (WHERE e.kind = 'delivered')::int AS delivered,
           count(*) FILTER (WHERE e.kind = 'failed')::int AS failed
    FROM "Message" m
    CROSS JOIN LATERAL (VALUES ('sent', m."sentAt"), ('delivered', m."deliveredAt"), ('failed', m."failedAt")) AS e(kind, at)
    WHERE m."campaignId" = ${campaign.id} AND m."orgId" = ${ctx.orgId} AND e.at IS NOT NULL
    GROUP BY 1 ORDER BY 1`;
  return { unit, points: fillGaps(rows, STEP[unit], { sent: 0, delivered: 0, failed: 0 }) };
}

const STEP = { minute: 60_000, hour: 3_600_000, day: 86_400_000 } as const;

/** Every bucket between the first and the last, empty ones as zeros: a gap in a chart is a pause, not a missing point. */
function fillGaps<C extends Record<string, number>>(rows: ({ at: Date } & C)[], step: number, zero: C): ({ at: string } & C)[] {
  if (rows.length === 0) return [];
  const byTime = new Map(rows.map((r) => [r.at.getTime(), r]));
  const points: ({ at: string } & C)[] = [];
  for (let t = rows[0]!.at.getTime(); t <= rows[rows.length - 1]!.at.getTime(); t += step) {
    const r = byTime.get(t);
    points.push({ ...zero, ...(r ?? {}), at: new Date(t).toISOString() });
  }
  return points;
}

export interface ClickTimeline {
  unit: "minute" | "hour" | "day";
  /** clicks: every click by a person; first: recipients clicking for the first time (they sum to the unique count). */
  points: { at: string; clicks: number; first: number }[];
}

export async function campaignClickTimeline(ctx: OrgContext, raw: z.input<typeof campaignIdInput>): Promise<ClickTimeline> {
  const campaign = await getCampaign(ctx, raw);
  const sql = orgSql(ctx);
  const [span] = await sql.$queryRaw<{ first: Date | null; last: Date | null }[]>`
    SELECT min("occurredAt") AS first, max("occurredAt") AS last
    FROM "LinkClick" WHERE "campaignId" = ${campaign.id} AND "orgId" = ${ctx.orgId} AND "botReason" IS NULL`;
  if (!span?.first || !span.last) return { unit: "minute", points: [] };
  const spanMs = span.last.getTime() - span.first.getTime();
  const unit = spanMs <= MINUTES_UP_TO_MS ? "minute" : spanMs <= 14 * 86_400_000 ? "hour" : "day";
  const rows = await sql.$queryRaw<{ at: Date; clicks: number; first: number }[]>`
    SELECT date_trunc(${unit}, "occurredAt") AS at, count(*)::int AS clicks, count(*) FILTER (WHERE nth = 1)::int AS first
    FROM (
      SELECT "occurredAt", row_number() OVER (PARTITION BY "contactId" ORDER BY "occurredAt", id) AS nth
      FROM "LinkClick" WHERE "campaignId" = ${campaign.id} AND "orgId" = ${ctx.orgId} AND "botReason" IS NULL
    ) k
    GROUP BY 1 ORDER BY 1`;
  return { unit, points: fillGaps(rows, STEP[unit], { clicks: 0, first: 0 }) };
}

export interface CampaignFailure {
  errorCode: string | null;
  /** The carrier's text for the code (the most common one when it varies). */
  errorMessage: string | null;
  failed: number;
  undelivered: number;
}

/** Failed and undelivered messages by error code, the largest first. */
export async function campaignFailures(ctx: OrgContext, raw: z.input<typeof campaignIdInput>): Promise<CampaignFailure[]> {
  const campaign = await getCampaign(ctx, raw);
  return orgSql(ctx).$queryRaw<CampaignFailure[]>`
    SELECT "errorCode", mode() WITHIN GROUP (ORDER BY "errorMessage") AS "errorMessage",
           count(*) FILTER (WHERE status = 'FAILED')::int AS failed,
           count(*) FILTER (WHERE status = 'UNDELIVERED')::int AS undelivered
    FROM "Message"
    WHERE "campaignId" = ${campaign.id} AND "orgId" = ${ctx.orgId} AND status IN ('FAILED', 'UNDELIVERED')
    GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 50`;
}
