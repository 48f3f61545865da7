// A media file as the API shows it, with a signed URL to fetch it by (no key needed, for a day).
import type { MediaAsset } from "@/lib/generated/prisma/client";
import { signedMediaUrl } from "@/lib/media/media-url";

/** Long enough to look at an upload; a message signs its own URLs when it is sent (media-for-send.ts). */
const MEDIA_URL_TTL_SECONDS = 24 * 60 * 60;

export function serializeMedia(m: Pick<MediaAsset, "id" | "contentType" | "size" | "fileName" | "createdAt">, now = Date.now()) {
  return {
    id: m.id,
    object: "media" as const,
    content_type: m.contentType,
    size: m.size,
    file_name: m.fileName,
    url: signedMediaUrl(m.id, MEDIA_URL_TTL_SECONDS, now),
    url_expires_at: new Date((Math.floor(now / 1000) + MEDIA_URL_TTL_SECONDS) * 1000).toISOString(),
    created_at: m.createdAt.toISOString(),
  };
}
