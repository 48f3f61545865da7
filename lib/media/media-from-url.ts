// A send's media given by URL (REST v1's media_urls, the Twilio-compatible API's MediaUrl), as the
// media id the send carries. Our own media links (APP_URL/api/media/med_..., signed or not: the id
// is what counts) and bare media ids name the org's media as they are, checked to be this org's;
// any other URL is fetched through the SSRF guard (fetch-media.ts) and stored as the org's media.
// Refusals are DomainErrors naming `field`; each API turns them into its own error shape.
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { fetchMedia } from "@/lib/media/fetch-media";
import type { OrgContext } from "@/lib/org-context";

const MEDIA_ID = /^med_[0-9a-z]{24}$/;
const OWN_PATH = /^\/api\/media\/(med_[0-9a-z]{24})$/;

/** The media id `value` names when it is ours (a media id or one of our media links), else null. */
function ownMediaId(value: string): string | null {
  if (MEDIA_ID.test(value)) return value;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.origin !== new URL(env.APP_URL).origin) return null;
  return url.pathname.match(OWN_PATH)?.[1] ?? null;
}

export async function mediaIdFromUrl(ctx: OrgContext, value: string, field: string): Promise<string> {
  const own = ownMediaId(value);
  if (!own) return (await fetchMedia(ctx, value, { field })).id;
  // Another org's link (or a deleted asset) is refused here, naming the URL's own field.
  const asset = await ctx.db.mediaAsset.findFirst({ where: { id: own }, select: { id: true } });
  if (!asset) throw new DomainError("BAD_REQUEST", `Media ${own} not found`, field, "media_not_found");
  return asset.id;
}
