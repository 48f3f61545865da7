// One org's whole rollup counted again: after history is written behind the pipeline's back (the
// demo seed backdates its messages, which the refresh job's watermark never sees) and by bench:dashboard.
import { aggregateDays, daysBetween, DAY_MS } from "@/lib/analytics/aggregate-days";
import { orgSqlTransaction, type OrgBinding } from "@/lib/db/sql";

const DAYS_A_STATEMENT = 14;

export async function rebuildOrgRollup(ctx: OrgBinding, now = new Date()): Promise<number> {
  return orgSqlTransaction(ctx, async (tx) => {
    await tx.$executeRaw`DELETE FROM "MessageDailyStat" WHERE "orgId" = ${ctx.orgId}`;
    const [first] = await tx.$queryRaw<{ at: Date }[]>`SELECT "createdAt" AS at FROM "Message" WHERE "orgId" = ${ctx.orgId} ORDER BY id LIMIT 1`;
    if (!first) return 0;
    const days = daysBetween(new Date(first.at.getTime() - DAY_MS), now).map((day) => ({ orgId: ctx.orgId, day }));
    let rows = 0;
    for (let i = 0; i < days.length; i += DAYS_A_STATEMENT) rows += await aggregateDays(tx, days.slice(i, i + DAYS_A_STATEMENT));
    return rows;
  });
}
