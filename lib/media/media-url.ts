// Signed, expiring URLs for media: carriers (Twilio) fetch MMS media from the app with no session,
// so the URL itself carries the permission. HMAC-SHA256 over the id and expiry, with a key derived
// from AUTH_SECRET for this one use (a media signature can never pass as anything else).
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

const mediaKey = () => createHmac("sha256", env.AUTH_SECRET).update("textstack:media-url:v1").digest();

const signature = (assetId: string, expires: number) =>
  createHmac("sha256", mediaKey()).update(`${assetId}:${expires}`).digest("base64url");

/** How long a URL shown in the app (a thumbnail, an attachment being composed) stays valid: a day, long enough
 * for a page left open; each load signs anew, and sending signs its own (lib/media/media-for-send.ts). */
export const PREVIEW_URL_TTL_SECONDS = 24 * 60 * 60;

/** `${APP_URL}/api/media/{id}?expires=<unix seconds>&sig=<base64url>`, valid for `ttlSeconds`. */
export function signedMediaUrl(assetId: string, ttlSeconds: number, now: number = Date.now()): string {
  const expires = Math.floor(now / 1000) + Math.ceil(ttlSeconds);
  return `${env.APP_URL.replace(/\/$/, "")}/api/media/${encodeURIComponent(assetId)}?expires=${expires}&sig=${signature(assetId, expires)}`;
}

export type MediaUrlCheck = { ok: true; expiresAt: Date } | { ok: false; message: string };

/** Whether `expires` and `sig` (from a signed URL's query) grant access to the asset now. */
export function checkMediaUrl(assetId: string, expires: string | null, sig: string | null, now: number = Date.now()): MediaUrlCheck {
  if (!expires || !sig || !/^\d{1,12}$/.test(expires)) return { ok: false, message: "This media link is not signed" };
  // Compared as text, not decoded: base64 decoding ignores stray characters, so a tampered text could
  // decode to the right bytes.
  const given = Buffer.from(sig);
  const expected = Buffer.from(signature(assetId, Number(expires)));
  // Length first: timingSafeEqual throws on unequal lengths, and the expected length is public.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, message: "This media link's signature is not valid" };
  }
  const expiresAt = new Date(Number(expires) * 1000);
  if (expiresAt.getTime() <= now) return { ok: false, message: "This media link has expired" };
  return { ok: true, expiresAt };
}
