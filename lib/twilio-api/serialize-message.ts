// A message in Twilio's JSON shape (the Message resource of API version 2010-04-01), so Twilio's
// clients read it unchanged: SM sids, lower-case Twilio statuses, counts as strings, RFC 2822 dates,
// a negative price string once the message has cost something.
import type { Message } from "@/lib/generated/prisma/client";
import type { MessageStatus } from "@/lib/generated/prisma/enums";
import { CURRENCY } from "@/lib/money";
import { messageSid } from "@/lib/twilio-api/message-sid";

export const API_VERSION = "2010-04-01";
/** Twilio's "Unknown error", for a carrier's reason that is not a number. */
const UNKNOWN_ERROR = 30008;

export type TwilioSerializable = Pick<
  Message,
  "id" | "direction" | "status" | "from" | "to" | "body" | "mediaIds" | "segments" | "priceMicros" | "errorCode" | "errorMessage"
  | "createdAt" | "updatedAt" | "sentAt" | "receivedAt"
>;

// What has been carried (or received) has a price; the rest has not cost anything (yet).
const PRICED = new Set<MessageStatus>(["SENT", "DELIVERED", "UNDELIVERED", "RECEIVED"]);

/** "Thu, 30 Jul 2015 20:12:31 +0000", as Twilio writes dates. */
const rfc2822 = (date: Date | null) => (date ? date.toUTCString().replace(/GMT$/, "+0000") : null);

/** Micro-units as a negative decimal string ("-0.007500"), in integers: no float rounding. */
function twilioPrice(micros: number): string {
  const digits = String(Math.abs(micros)).padStart(7, "0");
  return `-${digits.slice(0, -6)}.${digits.slice(-6)}`;
}

export const messagesUri = (accountSid: string) => `/${API_VERSION}/Accounts/${accountSid}/Messages`;

function twilioErrorCode(code: string | null): number | null {
  if (code === null) return null;
  return /^\d{1,9}$/.test(code) ? Number(code) : UNKNOWN_ERROR;
}

export function twilioMessage(m: TwilioSerializable, accountSid: string) {
  const sid = messageSid(m.id);
  const uri = `${messagesUri(accountSid)}/${sid}`;
  const priced = PRICED.has(m.status) && m.priceMicros > 0;
  return {
    sid,
    account_sid: accountSid,
    api_version: API_VERSION,
    messaging_service_sid: null,
    from: m.from,
    to: m.to,
    body: m.body,
    status: m.status.toLowerCase(),
    direction: m.direction === "INBOUND" ? "inbound" : "outbound-api",
    num_segments: String(m.segments),
    num_media: String(m.mediaIds.length),
    price: priced ? twilioPrice(m.priceMicros) : null,
    price_unit: CURRENCY,
    error_code: twilioErrorCode(m.errorCode),
    error_message: m.errorMessage,
    date_created: rfc2822(m.createdAt),
    date_updated: rfc2822(m.updatedAt),
    date_sent: rfc2822(m.sentAt ?? m.receivedAt),
    uri: `${uri}.json`,
    subresource_uris: { media: `${uri}/Media.json` },
  };
}
