// A draft's attachments as the compose box shows them, so an edited draft keeps the media it was
// saved with: its message's, and each A/B variant's (the editor finds them by id).
import type { z } from "zod";
import { campaignIdInput } from "@/lib/campaigns/campaign-input";
import { getCampaign } from "@/lib/campaigns/manage-campaigns";
import { mediaItems } from "@/lib/media/media-items";
import type { OrgContext } from "@/lib/org-context";

export async function campaignMedia(ctx: OrgContext, raw: z.input<typeof campaignIdInput>) {
  const campaign = await getCampaign(ctx, raw);
  return mediaItems(ctx, [campaign.mediaIds, ...campaign.variants.map((v) => v.mediaIds)].flat());
}
