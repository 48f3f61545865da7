// Saved attachments as the compose box's media picker shows them (with a thumbnail URL), in the
// order asked; ids that are not the org's are left out. An edited draft (a campaign's, a workflow
// step's) keeps showing the media it was saved with.
import { z } from "zod";
import { MAX_MESSAGE_MEDIA } from "@/lib/media/media-types";
import { PREVIEW_URL_TTL_SECONDS, signedMediaUrl } from "@/lib/media/media-url";
import type { OrgContext } from "@/lib/org-context";

export const mediaItemsInput = z.strictObject({ ids: z.array(z.string().min(1).max(64)).max(MAX_MESSAGE_MEDIA) });

export async function mediaItems(ctx: OrgContext, ids: readonly string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const assets = await ctx.db.mediaAsset.findMany({
    where: { id: { in: unique } },
    select: { id: true, contentType: true, size: true, fileName: true },
  });
  const byId = new Map(assets.map((a) => [a.id, a]));
  return unique.flatMap((id) => {
    const asset = byId.get(id);
    return asset ? [{ ...asset, url: signedMediaUrl(asset.id, PREVIEW_URL_TTL_SECONDS) }] : [];
  });
}
