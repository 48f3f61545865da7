// The message a `Messages/{Sid}.json` path names. Next.js hands the last segment over whole
// ("SM00....json"), so the ".json" Twilio's clients append is stripped here; a sid we did not make
// is not found (20404), as is one of another org (the lookup is scoped).
import { TWILIO_CODES, TwilioError } from "@/lib/twilio-api/twilio-error";
import { messageIdOfSid } from "@/lib/twilio-api/message-sid";

export function messageIdFromSegment(segment: string): string {
  const sid = segment.endsWith(".json") ? segment.slice(0, -".json".length) : null;
  const id = sid === null ? null : messageIdOfSid(sid);
  if (!id) throw new TwilioError(TWILIO_CODES.notFound, `The requested resource ${sid ?? segment} was not found`, 404);
  return id;
}
