// MediaUrl values of a send, as media ids. Our own media links (APP_URL/api/media/med_..., signed or
// not: the id is what counts, and the send checks it is this org's) and bare media ids are used as
// they are; any other URL is fetched through the SSRF-guarded fetcher (lib/media/fetch-media.ts)
// and stored as the org's media. Every refusal is Twilio's 21620 naming the URL.
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { fetchMedia } from "@/lib/media/fetch-media";
import { MAX_MEDIA } from "@/lib/messaging/message-input";
import type { OrgContext } from "@/lib/org-context";
import { TWILIO_CODES, TwilioError } from "@/lib/twilio-api/twilio-error";

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

export async function mediaIdsFor(ctx: OrgContext, values: string[]): Promise<string[]> {
  if (values.length > MAX_MEDIA) throw new TwilioError(TWILIO_CODES.tooManyMedia, `At most ${MAX_MEDIA} MediaUrl values per message (got ${values.length})`);
  const ids: string[] = [];
  for (const value of values) {
    const own = ownMediaId(value);
    if (own) {
      ids.push(own);
      continue;
    }
    try {
      ids.push((await fetchMedia(ctx, value, { field: "MediaUrl" })).id);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      throw new TwilioError(TWILIO_CODES.invalidMediaUrl, `MediaUrl ${value} cannot be used: ${error.message}`);
    }
  }
  return ids;
}
