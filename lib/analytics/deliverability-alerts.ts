// The dashboard's alerts: over the last 7 days (today included), failures or opt-outs above the
// org's thresholds, as shares of the messages sent (Klaviyo's rule of thumb: 5% and 1.3%).
import { lastDays } from "@/lib/analytics/dashboard-input";
import { instants } from "@/lib/analytics/period-sql";
import { orgSql } from "@/lib/db/sql";
import type { OrgContext } from "@/lib/org-context";

export const ALERT_WINDOW_DAYS = 7;

export async function deliverabilityAlerts(ctx: OrgContext, now = new Date()) {
  const window = lastDays(ALERT_WINDOW_DAYS, now);
  const { start, end } = instants(window);
  const org = ctx.orgId;
  const [row] = await orgSql(ctx).$queryRaw<{ sent: number; failed: number; optOuts: number; failureAlertBps: number; optOutAlertBps: number }[]>`
    SELECT coalesce((SELECT sum(sent) FROM "MessageDailyStat" WHERE "orgId" = ${org} AND day >= ${window.from}::date AND day <= ${window.to}::date), 0)::int AS sent,
           coalesce((SELECT sum(failed) FROM "MessageDailyStat" WHERE "orgId" = ${org} AND day >= ${window.from}::date AND day <= ${window.to}::date), 0)::int AS failed,
           (SELECT count(*) FROM "ConsentEvent" WHERE "orgId" = ${org} AND "occurredAt" >= ${start} AND "occurredAt" < ${end} AND action = 'OPT_OUT')::int AS "optOuts",
           o."failureAlertBps", o."optOutAlertBps"
    FROM "Organization" o WHERE o.id = ${org}`;
  const { sent, failed, optOuts, failureAlertBps, optOutAlertBps } = row!;
  // Shares are compared as integers: failed / sent > bps / 10,000.
  const over = (count: number, bps: number) => sent > 0 && count * 10_000 > bps * sent;
  return {
    window,
    sent,
    failed,
    optOuts,
    thresholds: { failureAlertBps, optOutAlertBps },
    alerts: [
      ...(over(failed, failureAlertBps) ? [{ kind: "failures" as const, count: failed, thresholdBps: failureAlertBps }] : []),
      ...(over(optOuts, optOutAlertBps) ? [{ kind: "optOuts" as const, count: optOuts, thresholdBps: optOutAlertBps }] : []),
    ],
  };
}
