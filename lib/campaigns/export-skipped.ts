// The contacts a campaign skips for one reason, as the contacts export's CSV (streamed in keyset
// batches: lib/contacts/export-contacts.ts), e.g. "spring-sale-opted-out-2026-12-06.csv". Before the
// start, the audience's contacts who would be skipped now (what the plan counts); after, those the
// campaign did skip (mid-campaign opt-outs included).
import type { z } from "zod";
import { skippedExportInput } from "@/lib/campaigns/campaign-input";
import { audienceQuery } from "@/lib/campaigns/audience-sql";
import { startOf } from "@/lib/campaigns/campaign-schedule";
import { getCampaign } from "@/lib/campaigns/manage-campaigns";
import { exportContactsWhere } from "@/lib/contacts/export-contacts";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrgContext } from "@/lib/org-context";

export async function exportSkipped(ctx: OrgContext, raw: z.input<typeof skippedExportInput>) {
  const { id, reason } = skippedExportInput.parse(raw);
  const campaign = await getCampaign(ctx, { id });
  const name = `${campaign.name} ${reason.replace("_", " ").toLowerCase()}`;
  if (!campaign.resolvedAt) {
    const audience = await audienceQuery(ctx, { ...campaign, startAt: await startOf(ctx, campaign.schedule) });
    return exportContactsWhere(ctx, { where: Prisma.sql`${audience.where} AND (${audience.skipReason}) = ${reason}`, hashMemory: audience.hashMemory }, name);
  }
  const where = Prisma.sql`EXISTS (SELECT 1 FROM "CampaignRecipient" r WHERE r."campaignId" = ${id} AND r."orgId" = ${ctx.orgId}
    AND r."skipReason" = ${reason}::"CampaignSkipReason" AND r."contactId" = c.id)`;
  return exportContactsWhere(ctx, { where, hashMemory: false }, name);
}
