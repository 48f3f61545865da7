// Where a campaign is: its recipients by outcome so far, cheap enough to poll every few seconds.
// Two grouped counts on indexes: recipients by skip reason (and those still without a message), and
// the campaign's messages by status (Message(campaignId, status), partial).
import type { z } from "zod";
import { campaignIdInput } from "@/lib/campaigns/campaign-input";
import { getCampaign } from "@/lib/campaigns/manage-campaigns";
import type { SqlClient } from "@/lib/db/sql";
import type { CampaignSkipReason, MessageStatus } from "@/lib/generated/prisma/enums";
import type { OrgContext } from "@/lib/org-context";

export interface CampaignCounts {
  /** Contacts of the audience who get a message (skipped ones aside). */
  recipients: number;
  /** Recipients whose message is not made yet (later in the fan-out, or not due yet). */
  waiting: number;
  skipped: Partial<Record<CampaignSkipReason, number>>;
  messages: Partial<Record<MessageStatus, number>>;
}

export async function campaignCounts(db: SqlClient, orgId: string, campaignId: string): Promise<CampaignCounts> {
  const [recipients, messages] = await Promise.all([
    db.$queryRaw<{ reason: CampaignSkipReason | null; waiting: boolean; count: number }[]>`
      SELECT "skipReason" AS reason, ("skipReason" IS NULL AND "messageId" IS NULL) AS waiting, count(*)::int AS count
      FROM "CampaignRecipient" WHERE "campaignId" = ${campaignId} AND "orgId" = ${orgId} GROUP BY 1, 2`,
    db.$queryRaw<{ status: MessageStatus; count: number }[]>`
      SELECT status, count(*)::int AS count FROM "Message" WHERE "campaignId" = ${campaignId} AND "orgId" = ${orgId} GROUP BY 1`,
  ]);
  const skipped: CampaignCounts["skipped"] = {};
  let sending = 0;
  let waiting = 0;
  for (const r of recipients) {
    if (r.reason) skipped[r.reason] = (skipped[r.reason] ?? 0) + r.count;
    else sending += r.count;
    if (r.waiting) waiting += r.count;
  }
  return { recipients: sending, waiting, skipped, messages: Object.fromEntries(messages.map((m) => [m.status, m.count])) };
}

/** The campaign and its counts (a draft has none until it starts: its plan says what it would do). */
export async function campaignProgress(ctx: OrgContext, raw: z.input<typeof campaignIdInput>) {
  const campaign = await getCampaign(ctx, raw);
  return { campaign, counts: await campaignCounts(ctx.db, ctx.orgId, campaign.id) };
}
