// A message's media as the carrier gets it: the org's assets in the order given, checked against
// the per-message limits, each with a signed URL the carrier fetches it from. The dispatcher calls it
// to build what it submits, on the connection of its round (an in-process round holds one already).
import type { OutboundMedia } from "@/lib/carriers/carrier";
import type { SqlClient } from "@/lib/db/sql";
import { DomainError } from "@/lib/errors";
import { checkMessageMedia } from "@/lib/media/check-media-file";
import { signedMediaUrl } from "@/lib/media/media-url";

/**
 * Carriers fetch media when they process the message, normally within minutes of the submit; a day
 * covers their retries and a backlog (carrier.ts asks for at least an hour).
 */
const SEND_URL_TTL_SECONDS = 24 * 60 * 60;

export async function mediaForSend(db: SqlClient, orgId: string, mediaIds: string[]): Promise<OutboundMedia[]> {
  if (mediaIds.length === 0) return [];
  const assets = await db.$queryRaw<{ id: string; contentType: string; size: number }[]>`
    SELECT id, "contentType", size FROM "MediaAsset" WHERE "orgId" = ${orgId} AND id = ANY(${[...new Set(mediaIds)]}::text[])`;
  const byId = new Map(assets.map((asset) => [asset.id, asset]));
  const media = mediaIds.map((id) => {
    const asset = byId.get(id);
    if (!asset) throw new DomainError("BAD_REQUEST", `Media ${id} not found`, "mediaIds", "media_not_found");
    return asset;
  });
  checkMessageMedia(media);
  return media.map((asset) => ({ url: signedMediaUrl(asset.id, SEND_URL_TTL_SECONDS), contentType: asset.contentType, size: asset.size }));
}
