// A message's media as the carrier gets it: the org's assets in the order given, checked against
// the per-message limits, each with a signed URL the carrier fetches it from. send-message calls it
// to validate a send, the dispatcher to build what it submits.
import type { OutboundMedia } from "@/lib/carriers/carrier";
import type { Db } from "@/lib/db/client";
import type { ScopedDb } from "@/lib/db/scoped";
import { DomainError } from "@/lib/errors";
import { checkMessageMedia } from "@/lib/media/check-media-file";
import { signedMediaUrl } from "@/lib/media/media-url";

/**
 * Carriers fetch media when they process the message, normally within minutes of the submit; a day
 * covers their retries and a backlog (carrier.ts asks for at least an hour).
 */
const SEND_URL_TTL_SECONDS = 24 * 60 * 60;

export async function mediaForSend(db: ScopedDb | Db, orgId: string, mediaIds: string[]): Promise<OutboundMedia[]> {
  if (mediaIds.length === 0) return [];
  // Scoped by orgId explicitly too: the dispatcher passes the unscoped client.
  const assets = await db.mediaAsset.findMany({
    where: { orgId, id: { in: [...new Set(mediaIds)] } },
    select: { id: true, contentType: true, size: true },
  });
  const byId = new Map(assets.map((asset) => [asset.id, asset]));
  const media = mediaIds.map((id) => {
    const asset = byId.get(id);
    if (!asset) throw new DomainError("BAD_REQUEST", `Media ${id} not found`, "mediaIds", "media_not_found");
    return asset;
  });
  checkMessageMedia(media);
  return media.map((asset) => ({ url: signedMediaUrl(asset.id, SEND_URL_TTL_SECONDS), contentType: asset.contentType, size: asset.size }));
}
