// MediaUrl values of a send, as media ids (lib/media/media-from-url.ts: our own media links and ids
// as they are, any other URL fetched through the SSRF guard). Every refusal is Twilio's 21620 naming
// the URL.
import { DomainError } from "@/lib/errors";
import { mediaIdFromUrl } from "@/lib/media/media-from-url";
import { MAX_MEDIA } from "@/lib/messaging/message-input";
import type { OrgContext } from "@/lib/org-context";
import { TWILIO_CODES, TwilioError } from "@/lib/twilio-api/twilio-error";

export async function mediaIdsFor(ctx: OrgContext, values: string[]): Promise<string[]> {
  if (values.length > MAX_MEDIA) throw new TwilioError(TWILIO_CODES.tooManyMedia, `At most ${MAX_MEDIA} MediaUrl values per message (got ${values.length})`);
  const ids: string[] = [];
  for (const value of values) {
    try {
      ids.push(await mediaIdFromUrl(ctx, value, "MediaUrl"));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      throw new TwilioError(TWILIO_CODES.invalidMediaUrl, `MediaUrl ${value} cannot be used: ${error.message}`);
    }
  }
  return ids;
}
