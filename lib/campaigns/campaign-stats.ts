// A campaign's funnel: recipients, skipped by reason, then its messages by outcome, and what the
// recipients did after: replied (an inbound text within `replyDays` of their campaign message) and
// opted out (an opt-out within the same days). Replies are matched on the inbound index by contact
// ((orgId, contactId, id)), one probe per messaged recipient. Clicks are people's clicks on its
// tracked links (LinkClick.botReason null: lib/links/bot-reason.ts): clicked counts recipients who
// clicked (unique), clicks every click (total), read along LinkClick(campaignId, occurredAt).
import type { z } from "zod";
import { campaignStatsInput } from "@/lib/campaigns/campaign-input";
import { campaignCounts } from "@/lib/campaigns/campaign-progress";
import { getCampaign } from "@/lib/campaigns/manage-campaigns";
import { optedOutAfter, repliedTo } from "@/lib/campaigns/engagement-sql";
import { variantStats } from "@/lib/campaigns/variant-stats";
import { orgSql } from "@/lib/db/sql";
import type { OrgContext } from "@/lib/org-context";


export async function campaignStats(ctx: OrgContext, raw: z.input<typeof campaignStatsInput>) {
  const { id, replyDays } = campaignStatsInput.parse(raw);
  const campaign = await getCampaign(ctx, { id });
  const counts = await campaignCounts(ctx.db, ctx.orgId, id);
  const [after] = await orgSql(ctx).$queryRaw<{ replied: number; optedOut: number }[]>`
    SELECT
      count(*) FILTER (WHERE ${repliedTo(ctx.orgId, replyDays)})::int AS replied,
      count(*) FILTER (WHERE ${optedOutAfter(ctx.orgId, replyDays)})::int AS "optedOut"
    FROM "Message" m WHERE m."campaignId" = ${id} AND m."orgId" = ${ctx.orgId} AND m.status::text IN ('SENT', 'DELIVERED', 'UNDELIVERED')`;
  const [clicks] = await orgSql(ctx).$queryRaw<{ clicked: number; clicks: number }[]>`
    SELECT count(DISTINCT "contactId")::int AS clicked, count(*)::int AS clicks
    FROM "LinkClick" WHERE "campaignId" = ${id} AND "orgId" = ${ctx.orgId} AND "botReason" IS NULL`;
  const m = counts.messages;
  const ab = campaign.abTest && campaign.resolvedAt ? await variantStats(orgSql(ctx), ctx.orgId, id, replyDays) : null;
  return {
    campaign: { id: campaign.id, name: campaign.name, status: campaign.status, startedAt: campaign.startedAt, completedAt: campaign.completedAt },
    replyDays,
    /** An A/B campaign's results per variant (null: the rest of a test then winner), and its decision. */
    abTest: campaign.abTest && {
      ...campaign.abTest,
      variants: ab ?? [],
      decideAt: campaign.decideAt,
      winner: campaign.winnerVariant,
      decidedAt: campaign.decidedAt,
      decision: campaign.decision,
    },
    funnel: {
      recipients: counts.recipients,
      skipped: counts.skipped,
      duplicates: campaign.duplicates,
      waiting: counts.waiting,
      // Held: waiting for the recipient's quiet hours to end (or for a resume, while paused).
      held: m.SCHEDULED ?? 0,
      queued: (m.QUEUED ?? 0) + (m.SENDING ?? 0),
      sent: (m.SENT ?? 0) + (m.DELIVERED ?? 0) + (m.UNDELIVERED ?? 0),
      delivered: m.DELIVERED ?? 0,
      undelivered: m.UNDELIVERED ?? 0,
      failed: m.FAILED ?? 0,
      canceled: m.CANCELED ?? 0,
      clicked: clicks!.clicked,
      clicks: clicks!.clicks,
      replied: after!.replied,
      optedOut: after!.optedOut,
    },
  };
}
