// The decision of a test then winner, once its wait is over: the test share's results per variant
// read, the winner picked (pick-winner.ts), stored with its explanation and the counts behind it,
// audited, and the rest released to the fan-out (their send time set: until now it was null, which
// the fan-out's due query never offers), all in one transaction under the campaign's row lock. A
// retried step, or a second run, finds it decided and changes nothing; the chunks, which hold the
// lock shared, see the winner the moment they see the rest. A paused or canceled campaign is not
// decided: a resumed one decides when its run comes back to it (its results only grew meanwhile).
import { recordAuditSql } from "@/lib/audit/record-audit";
import { DEFAULT_REPLY_DAYS, variantLetter } from "@/lib/campaigns/campaign-input";
import { getCampaign } from "@/lib/campaigns/manage-campaigns";
import { pickWinner } from "@/lib/campaigns/pick-winner";
import { variantStats } from "@/lib/campaigns/variant-stats";
import { orgSqlTransaction } from "@/lib/db/sql";
import type { OrgContext } from "@/lib/org-context";

export type DecideOutcome =
  /** Not a test then winner: nothing to decide. */
  | { kind: "none" }
  /** The winner is picked (now or before): `released` recipients were given their send time now. */
  | { kind: "decided"; winner: number; released: number }
  /** Not yet: the wait ends then. */
  | { kind: "wait"; until: string }
  /** The campaign is not sending (paused, canceled): the run ends. */
  | { kind: "stopped" };

export async function decideWinner(ctx: OrgContext, campaignId: string, now = new Date()): Promise<DecideOutcome> {
  const campaign = await getCampaign(ctx, { id: campaignId });
  if (campaign.abTest?.mode !== "winner") return { kind: "none" };
  if (campaign.winnerVariant !== null) return { kind: "decided", winner: campaign.winnerVariant, released: 0 };
  if (campaign.decideAt && campaign.decideAt > now) return { kind: "wait", until: campaign.decideAt.toISOString() };
  const metric = campaign.abTest.metric;
  const org = ctx.orgId;

  return orgSqlTransaction(ctx, async (tx): Promise<DecideOutcome> => {
    const [locked] = await tx.$queryRaw<{ status: string; winnerVariant: number | null }[]>`
      SELECT status::text AS status, "winnerVariant" FROM "Campaign" WHERE id = ${campaignId} AND "orgId" = ${org} FOR UPDATE`;
    if (locked?.winnerVariant != null) return { kind: "decided", winner: locked.winnerVariant, released: 0 };
    if (locked?.status !== "SENDING") return { kind: "stopped" };
    const stats = await variantStats(tx, org, campaignId, DEFAULT_REPLY_DAYS);
    const results = campaign.variants.map((_, i) => stats.find((s) => s.variant === i) ?? { delivered: 0, clicked: 0, replied: 0 });
    const decision = pickWinner(results, metric);
    await tx.$executeRaw`
      UPDATE "Campaign" SET "winnerVariant" = ${decision.winner}, "decidedAt" = ${now}, decision = ${JSON.stringify(decision)}::jsonb,
             "updatedAt" = now() AT TIME ZONE 'UTC'
      WHERE id = ${campaignId} AND "orgId" = ${org}`;
    // The rest: in the due index already (no message, no skip reason), offered from now on.
    const released = await tx.$executeRaw`
      UPDATE "CampaignRecipient" SET "sendAt" = now() AT TIME ZONE 'UTC'
      WHERE "campaignId" = ${campaignId} AND "orgId" = ${org} AND "messageId" IS NULL AND "skipReason" IS NULL AND variant IS NULL AND "sendAt" IS NULL`;
    await recordAuditSql(ctx, tx, [
      {
        action: "campaign.winner_picked",
        targetType: "campaign",
        targetId: campaignId,
        changes: { winner: variantLetter(decision.winner), metric, explanation: decision.explanation, variants: decision.variants.map((v) => ({ ...v })), released },
      },
    ]);
    return { kind: "decided", winner: decision.winner, released };
  });
}
