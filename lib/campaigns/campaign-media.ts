// A draft's attachments as the compose box shows them (with a thumbnail URL), so an edited draft
// keeps the media it was saved with: its message's, and each A/B variant's (the editor finds them by id).
import type { z } from "zod";
import { campaignIdInput } from "@/lib/campaigns/campaign-input";
import { getCampaign } from "@/lib/campaigns/manage-campaigns";
import { PREVIEW_URL_TTL_SECONDS, signedMediaUrl } from "@/lib/media/media-url";
import type { OrgContext } from "@/lib/org-context";

export async function campaignMedia(ctx: OrgContext, raw: z.input<typeof campaignIdInput>) {
  const campaign = await getCampaign(ctx, raw);
  const ids = [...new Set([campaign.mediaIds, ...campaign.variants.map((v) => v.mediaIds)].flat())];
  const assets = await ctx.db.mediaAsset.findMany({
    where: { id: { in: ids } },
    select: { id: true, contentType: true, size: true, fileName: true },
  });
  const byId = new Map(assets.map((a) => [a.id, a]));
  return ids.flatMap((id) => {
    const asset = byId.get(id);
    return asset ? [{ ...asset, url: signedMediaUrl(asset.id, PREVIEW_URL_TTL_SECONDS) }] : [];
  });
}
