// The bytes of one media file, for a signed URL (lib/media/media-url.ts): carriers fetch MMS media
// here with no session. The signature is checked before the id is looked up, so unsigned requests
// learn nothing about which ids exist.
import { db } from "@/lib/db";
import { mediaErrorResponse } from "@/lib/media/media-error-response";
import { checkMediaUrl } from "@/lib/media/media-url";
import { readMedia } from "@/lib/media/read-media";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const query = new URL(req.url).searchParams;
  const check = checkMediaUrl(id, query.get("expires"), query.get("sig"));
  if (!check.ok) return mediaErrorResponse(403, "forbidden", check.message);
  const media = await readMedia(db, id);
  if (!media) return mediaErrorResponse(404, "not_found", `Media ${id} not found`);
  const { asset, bytes } = media;
  // Cached no longer than the link is valid; the bytes behind an id never change.
  const maxAge = Math.max(0, Math.floor((check.expiresAt.getTime() - Date.now()) / 1000));
  return new Response(bytes as BodyInit, {
    headers: {
      "Content-Type": asset.contentType,
      // Next.js 16 drops this header from route handler responses and sends the body chunked; kept
      // for any runtime that forwards it.
      "Content-Length": String(bytes.byteLength),
      "Cache-Control": `private, max-age=${maxAge}, immutable`,
      ETag: `"${asset.sha256}"`,
      "Content-Disposition": `inline; filename*=UTF-8''${encodeURIComponent(asset.fileName ?? asset.id)}`,
      // The type was checked from the bytes at upload; browsers must not guess another.
      "X-Content-Type-Options": "nosniff",
    },
  });
}
