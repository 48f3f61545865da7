// A scheduled campaign's start: its audience resolved, set-based, into CampaignRecipient (one
// INSERT ... SELECT: who gets a message, who is skipped and why, each one's sender and send time,
// and whether its message ends with the opt-out language: decided here once, not as each chunk
// renders, so a retried chunk, a pause or another campaign's texts meanwhile never change a body,
// and the plan of a started campaign counts exactly what is sent), and the campaign SENDING, in
// one transaction under the campaign's row lock. A retried start finds
// the campaign SENDING and goes on; one whose campaign was rescheduled, paused or canceled stops.
import { audienceQuery } from "@/lib/campaigns/audience-sql";
import { getCampaign } from "@/lib/campaigns/manage-campaigns";
import { orgSqlTransaction } from "@/lib/db/sql";
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
        INSERT INTO "CampaignRecipient" ("campaignId", "contactId", "orgId", "skipReason", "senderId", "sendAt", "optOutLanguage")
        SELECT ${campaignId}, a.contact_id, ${ctx.orgId}, a.skip_reason::"CampaignSkipReason", a.sender_id, a.send_at, a.opt_out FROM a
        ON CONFLICT DO NOTHING
      )
      SELECT (count(*) FILTER (WHERE skip_reason IS NULL))::int AS recipients, COALESCE(sum(copies - 1), 0)::int AS duplicates FROM a`;
    await tx.$executeRaw`
      UPDATE "Campaign" SET status = 'SENDING', "startedAt" = now() AT TIME ZONE 'UTC', "resolvedAt" = now() AT TIME ZONE 'UTC',
             recipients = ${counts!.recipients}, duplicates = ${counts!.duplicates}, "updatedAt" = now() AT TIME ZONE 'UTC'
      WHERE id = ${campaignId} AND "orgId" = ${ctx.orgId}`;
    return { go: true };
  });
}
