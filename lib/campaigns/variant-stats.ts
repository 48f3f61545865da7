// An A/B campaign's results per variant: recipients, sent, delivered, clicked, replied and opted out,
// the test share's variants by their letter and the rest of a test then winner apart (they got the
// winner's message after the decision, and are not what it was decided on). Clicks are human ones
// (LinkClick rows without a botReason, read along the campaign's click index once), replies and
// opt-outs as the campaign's funnel counts them (engagement-sql.ts). Clicked and replied count
// delivered messages only: they are the numerators of the rates pick-winner.ts compares, over delivered.
import { optedOutAfter, repliedTo } from "@/lib/campaigns/engagement-sql";
import type { SqlClient } from "@/lib/db/sql";

export interface VariantStats {
  /** 0 = A; null: the rest of a test then winner. */
  variant: number | null;
  recipients: number;
  sent: number;
  delivered: number;
  clicked: number;
  replied: number;
  optedOut: number;
}

/** `sql` binds the org (orgSql, or a transaction of orgSqlTransaction). */
export async function variantStats(sql: SqlClient, orgId: string, campaignId: string, replyDays: number): Promise<VariantStats[]> {
  return sql.$queryRaw<VariantStats[]>`
    WITH clicked AS (
      SELECT DISTINCT "messageId" FROM "LinkClick"
      WHERE "campaignId" = ${campaignId} AND "orgId" = ${orgId} AND "botReason" IS NULL AND "messageId" IS NOT NULL
    )
    SELECT r.variant::int AS variant, count(*)::int AS recipients,
           count(*) FILTER (WHERE m.status IN ('SENT', 'DELIVERED', 'UNDELIVERED'))::int AS sent,
           count(*) FILTER (WHERE m.status = 'DELIVERED')::int AS delivered,
           count(*) FILTER (WHERE m.status = 'DELIVERED' AND k."messageId" IS NOT NULL)::int AS clicked,
           count(*) FILTER (WHERE m.status = 'DELIVERED' AND ${repliedTo(orgId, replyDays)})::int AS replied,
           count(*) FILTER (WHERE m.status IN ('SENT', 'DELIVERED', 'UNDELIVERED') AND ${optedOutAfter(orgId, replyDays)})::int AS "optedOut"
    FROM "CampaignRecipient" r
    LEFT JOIN "Message" m ON m.id = r."messageId" AND m."orgId" = ${orgId}
    LEFT JOIN clicked k ON k."messageId" = m.id
    WHERE r."campaignId" = ${campaignId} AND r."orgId" = ${orgId} AND r."skipReason" IS NULL
    GROUP BY r.variant ORDER BY r.variant NULLS LAST`;
}
