// One message with everything its page shows: the full history (a row per status change), the
// carrier submissions of its parts, its sender, its contact and its media files.
import { notFound } from "@/lib/errors";
import { PREVIEW_URL_TTL_SECONDS, signedMediaUrl } from "@/lib/media/media-url";
import type { OrgContext } from "@/lib/org-context";

export async function getMessage(ctx: OrgContext, id: string) {
  const message = await ctx.db.message.findUnique({
    where: { id },
    include: {
      events: {
        orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
        select: { id: true, status: true, errorCode: true, errorMessage: true, source: true, detail: true, occurredAt: true },
      },
      submissions: {
        orderBy: [{ part: "asc" }, { createdAt: "asc" }],
        select: { part: true, carrierMessageId: true, status: true, errorCode: true, createdAt: true },
      },
      sender: { select: { id: true, address: true, label: true, kind: true } },
      contact: { select: { id: true, firstName: true, lastName: true, phone: true, consentStatus: true } },
    },
  });
  if (!message) throw notFound("Message", "id");
  const assets = message.mediaIds.length
    ? await ctx.db.mediaAsset.findMany({
        where: { id: { in: message.mediaIds } },
        select: { id: true, contentType: true, fileName: true, size: true },
      })
    : [];
  const byId = new Map(assets.map((a) => [a.id, a]));
  // In the order attached; a file deleted since is still listed, as missing (no URL).
  const media = message.mediaIds.map((mediaId) => {
    const asset = byId.get(mediaId);
    return asset
      ? { ...asset, url: signedMediaUrl(asset.id, PREVIEW_URL_TTL_SECONDS) as string | null }
      : { id: mediaId, contentType: null, fileName: null, size: null, url: null };
  });
  return { ...message, media };
}
