// A scheduled campaign's start: its audience resolved, set-based, into CampaignRecipient (one
// INSERT ... SELECT: who gets a message, who is skipped and why, each one's sender and send time,
// and whether its message ends with the opt-out language: decided here once, not as each chunk
// renders, so a retried chunk, a pause or another campaign's texts meanwhile never change a body,
// and the plan of a started campaign counts exactly what is sent), and the campaign SENDING, in
// one transaction under the campaign's row lock. An A/B test's variants are assigned in the same
// statement (variantColumns). A retried start finds
// the campaign SENDING and goes on; one whose campaign was rescheduled, paused or canceled stops.
import { audienceQuery } from "@/lib/campaigns/audience-sql";
import type { AbTest } from "@/lib/campaigns/campaign-input";
import { getCampaign } from "@/lib/campaigns/manage-campaigns";
import { orgSqlTransaction } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrgContext } from "@/lib/org-context";
import { giveSegmentMemory } from "@/lib/segments/evaluate-segment";

const RESOLVE_TIMEOUT = "15min";

/**
 * Starts the campaign if it is due to start at `expectedStartAt` (the start its run waited for;
 * any, when not given). Answers whether the fan-out goes on.
 */
export async function startCampaign(ctx: OrgContext, campaignId: string, expectedStartAt?: string): Promise<{ go: boolean }> {
  const campaign = await getCampaign(ctx, { id: campaignId });
  const due = (c: { status: string; startAt: Date | null }) =>
    c.status === "SCHEDULED" && c.startAt !== null && (expectedStartAt === undefined || c.startAt.toISOString() === expectedStartAt);
  if (campaign.status === "SENDING") return { go: true };
  if (!due(campaign)) return { go: false };
  const query = await audienceQuery(ctx, { ...campaign, startAt: campaign.startAt! });
  const columns = variantColumns(campaignId, campaign.variants.length, campaign.abTest);
  const waitMinutes = campaign.abTest?.mode === "winner" ? campaign.abTest.waitMinutes : null;

  return orgSqlTransaction(ctx, async (tx) => {
    const [locked] = await tx.$queryRaw<{ status: string; startAt: Date | null }[]>`
      SELECT status::text AS status, "startAt" FROM "Campaign" WHERE id = ${campaignId} AND "orgId" = ${ctx.orgId} FOR UPDATE`;
    if (!locked || !due(locked)) return { go: locked?.status === "SENDING" };
    if (query.hashMemory) await giveSegmentMemory(tx);
    // One statement writes the whole audience: at 1M recipients 28 s here for a first campaign, past
    // the pool's 30 s cut-off (meant for everything else) once their message history is read too.
    await tx.$queryRaw`SELECT set_config('statement_timeout', ${RESOLVE_TIMEOUT}, true) FROM "Organization" WHERE id = ${ctx.orgId}`;
    const [counts] = await tx.$queryRaw<{ recipients: number; duplicates: number }[]>`
      WITH a AS MATERIALIZED (${query.select}), inserted AS (
        INSERT INTO "CampaignRecipient" ("campaignId", "contactId", "orgId", "skipReason", "senderId", "sendAt", "optOutLanguage", variant)
        SELECT ${campaignId}, a.contact_id, ${ctx.orgId}, a.skip_reason::"CampaignSkipReason", a.sender_id, ${columns.sendAt}, a.opt_out, ${columns.variant}
        FROM ${columns.from}
        ON CONFLICT DO NOTHING
      )
      SELECT (count(*) FILTER (WHERE skip_reason IS NULL))::int AS recipients, COALESCE(sum(copies - 1), 0)::int AS duplicates FROM a`;
    await tx.$executeRaw`
      UPDATE "Campaign" SET status = 'SENDING', "startedAt" = now() AT TIME ZONE 'UTC', "resolvedAt" = now() AT TIME ZONE 'UTC',
             recipients = ${counts!.recipients}, duplicates = ${counts!.duplicates}, "updatedAt" = now() AT TIME ZONE 'UTC',
             "decideAt" = now() AT TIME ZONE 'UTC' + make_interval(mins => ${waitMinutes}::int)
      WHERE id = ${campaignId} AND "orgId" = ${ctx.orgId}`;
    return { go: true };
  });
}

/**
 * The audience rows `a` with their A/B variant and send time. The recipients are put in a
 * deterministic order by a hash of campaign and contact (md5: spread evenly whatever the ids look
 * like) and dealt out in turn, so each variant gets a share that differs by at most one; a test then
 * winner deals only the first sharePercent of them, and the rest wait with no variant and no send
 * time (null: the fan-out's due query never offers them) until the winner is picked.
 */
function variantColumns(campaignId: string, variants: number, abTest: AbTest | null) {
  if (!abTest || variants === 0) return { from: Prisma.sql`a`, variant: Prisma.sql`NULL::smallint`, sendAt: Prisma.sql`a.send_at` };
  const testShare = abTest.mode === "winner" ? abTest.sharePercent : 100;
  const inTest = Prisma.sql`(a.skip_reason IS NULL AND a.pos < round(a.total * ${testShare}::int / 100.0))`;
  return {
    from: Prisma.sql`(SELECT a.*, row_number() OVER (PARTITION BY a.skip_reason IS NULL ORDER BY md5(${campaignId} || a.contact_id)) - 1 AS pos,
                             count(*) OVER (PARTITION BY a.skip_reason IS NULL) AS total FROM a) a`,
    variant: Prisma.sql`CASE WHEN ${inTest} THEN (a.pos % ${variants}::int)::smallint END`,
    sendAt: Prisma.sql`CASE WHEN a.skip_reason IS NULL AND NOT ${inTest} THEN NULL ELSE a.send_at END`,
  };
}
