// Deliverability for a period: by sender number and by error code, from the daily rollup.
import { dashboardPeriodInput, type DashboardPeriod } from "@/lib/analytics/dashboard-input";
import { orgSql } from "@/lib/db/sql";
import type { OrgContext } from "@/lib/org-context";

export async function deliverability(ctx: OrgContext, raw: DashboardPeriod) {
  const period = dashboardPeriodInput.parse(raw);
  const sql = orgSql(ctx);
  const org = ctx.orgId;
  const [bySender, byErrorCode] = await Promise.all([
    sql.$queryRaw<{ senderId: string; address: string | null; label: string | null; sent: number; delivered: number; failed: number; received: number; optOuts: number }[]>`
      SELECT s."senderId", n.address, n.label, s.sent, s.delivered, s.failed, s.received, s."optOuts" FROM (
        SELECT "senderId", sum(sent)::int AS sent, sum(delivered)::int AS delivered, sum(failed)::int AS failed,
               sum(received)::int AS received, sum("optOuts")::int AS "optOuts"
        FROM "MessageDailyStat" WHERE "orgId" = ${org} AND day >= ${period.from}::date AND day <= ${period.to}::date GROUP BY "senderId"
      ) s LEFT JOIN "SenderNumber" n ON n.id = s."senderId" AND n."orgId" = ${org}
      ORDER BY s.sent DESC, s.received DESC`,
    sql.$queryRaw<{ errorCode: string; failed: number }[]>`
      SELECT "errorCode", sum(failed)::int AS failed
      FROM "MessageDailyStat" WHERE "orgId" = ${org} AND day >= ${period.from}::date AND day <= ${period.to}::date AND failed > 0
      GROUP BY "errorCode" ORDER BY failed DESC LIMIT 20`,
  ]);
  return { period, bySender: bySender.map((s) => ({ ...s, senderId: s.senderId || null })), byErrorCode: byErrorCode.map((e) => ({ ...e, errorCode: e.errorCode || null })) };
}
