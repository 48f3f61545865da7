// The period's campaigns with the most messages sent, with what their recipients did: delivered,
// human clicks, replies and STOPs (the rollup puts an inbound text on the campaign its contact last
// heard from within the funnel's reply window: aggregate-days.ts).
import { dashboardPeriodInput, type DashboardPeriod } from "@/lib/analytics/dashboard-input";
import { instants } from "@/lib/analytics/period-sql";
import { orgSql } from "@/lib/db/sql";
import type { OrgContext } from "@/lib/org-context";

const TOP = 5;

export async function topCampaigns(ctx: OrgContext, raw: DashboardPeriod) {
  const period = dashboardPeriodInput.parse(raw);
  const { start, end } = instants(period);
  const org = ctx.orgId;
  return orgSql(ctx).$queryRaw<
    { id: string; name: string; status: string; sent: number; delivered: number; failed: number; replies: number; optOuts: number; clicks: number }[]
  >`
    WITH top AS (
      SELECT "campaignId", sum(sent)::int AS sent, sum(delivered)::int AS delivered, sum(failed)::int AS failed,
             sum(received)::int AS replies, sum("optOuts")::int AS "optOuts"
      FROM "MessageDailyStat" WHERE "orgId" = ${org} AND day >= ${period.from}::date AND day <= ${period.to}::date AND "campaignId" <> ''
      GROUP BY "campaignId" ORDER BY sum(sent) DESC, "campaignId" LIMIT ${TOP}
    )
    SELECT c.id, c.name, c.status::text AS status, top.sent, top.delivered, top.failed, top.replies, top."optOuts",
           (SELECT count(*) FROM "LinkClick" k WHERE k."campaignId" = c.id AND k."orgId" = ${org} AND k."occurredAt" >= ${start}
              AND k."occurredAt" < ${end} AND k."botReason" IS NULL)::int AS clicks
    FROM top JOIN "Campaign" c ON c.id = top."campaignId" AND c."orgId" = ${org}
    ORDER BY top.sent DESC, c.id`;
}
