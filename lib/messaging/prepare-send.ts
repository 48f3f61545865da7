// Turns one send request into the row to write, or the error that says what is wrong and where:
// the number in E.164, the sender it goes out from, merge fields filled in for the recipient, smart
// encoding, segments and price (on the text as sent). Nothing here touches the database;
// prepare-messages.ts loads what it needs once per batch.
import { DomainError } from "@/lib/errors";
import type { ApiErrorCode } from "@/lib/errors/error-codes";
import { shortenText, type NewLink } from "@/lib/links/shorten-text";
import { checkMessageMedia } from "@/lib/media/check-media-file";
import type { CarrierKind, MessageStatus } from "@/lib/generated/prisma/enums";
import type { Rendered } from "@/lib/messaging/merge-fields";
import { sendMessageInput, type SendMessageInput } from "@/lib/messaging/message-input";
import { MAX_BODY_LENGTH } from "@/lib/sms/segments";
import { normalizePhone } from "@/lib/sms/phone";
import { segmentMessage, type SmsEncoding } from "@/lib/sms/segments";
import { smartEncode } from "@/lib/sms/smart-encoding";
import { hasMergeFields } from "@/lib/sms/templates";

export interface SenderForSend {
  id: string;
  address: string;
  mmsEnabled: boolean;
  connection: { kind: CarrierKind; smsPriceMicros: number; mmsPriceMicros: number };
}

export interface PreparedSend {
  to: string;
  sender: SenderForSend;
  /** The body as the log shows it: the secret masked. */
  body: string;
  /** The whole body for the carrier, when `body` masks a secret; null otherwise. */
  secretBody: string | null;
  mediaIds: string[];
  encoding: SmsEncoding;
  segments: number;
  priceMicros: number;
  marketing: boolean;
  /** Its short links (shorten_links), written with it; their codes are in `body`. */
  links: NewLink[];
  idempotencyKey: string | null;
  statusCallback: string | null;
  status: Extract<MessageStatus, "QUEUED" | "SCHEDULED">;
  sendAt: Date | null;
}

export type Prepared = { ok: true; send: PreparedSend } | { ok: false; error: DomainError };

// A send_at this close to now (or slightly past, from clock skew) just sends now.
const SCHEDULE_TOLERANCE_MS = 5_000;
const MAX_SCHEDULE_AHEAD_MS = 365 * 86_400_000;

const fail = (message: string, field: string, reason: ApiErrorCode): Prepared => ({
  ok: false,
  error: new DomainError("BAD_REQUEST", message, field, reason),
});

export function prepareSend(raw: SendMessageInput, org: SendContext, now: Date): Prepared {
  const parsed = sendMessageInput.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    if (issue.code === "unrecognized_keys") return fail(`Unknown parameter ${issue.keys[0]}`, issue.keys[0]!, "unknown_parameter");
    return fail(issue.message, issue.path.map(String).join(".") || "body", "invalid_parameter");
  }
  const input = parsed.data;

  const phone = normalizePhone(input.to, org.defaultCountry);
  if (!phone.ok) return fail(phone.message, "to", "invalid_phone_number");

  const sender = input.from ? org.senderFor(input.from) : org.senders[0];
  if (!sender) {
    return input.from
      ? fail(`${input.from} is not one of this organisation's sender numbers`, "from", "unknown_sender")
      : fail("This organisation has no sender number yet: add one in Settings → Senders", "from", "no_sender");
  }

  for (const id of input.mediaIds) {
    if (!org.mediaSizes.has(id)) return fail(`Media ${id} not found`, "mediaIds", "media_not_found");
  }
  try {
    checkMessageMedia(input.mediaIds.map((id) => ({ size: org.mediaSizes.get(id)! })));
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, error };
    throw error;
  }
  const isMms = input.mediaIds.length > 0;
  if (isMms && (sender.connection.kind === "SMPP" || !sender.mmsEnabled)) {
    return fail(`MMS is not supported on this sender (${sender.address})`, "mediaIds", "mms_not_supported");
  }

  let sendAt: Date | null = null;
  if (input.sendAt) {
    const ahead = input.sendAt.getTime() - now.getTime();
    if (ahead < -SCHEDULE_TOLERANCE_MS) return fail("The send time is in the past", "sendAt", "invalid_send_at");
    if (ahead > MAX_SCHEDULE_AHEAD_MS) return fail("The send time is more than a year ahead", "sendAt", "invalid_send_at");
    if (ahead > SCHEDULE_TOLERANCE_MS) sendAt = input.sendAt;
  }

  let text = input.body;
  if (input.mergeFields && hasMergeFields(text)) {
    const rendered = org.render(text, phone.e164);
    if (!rendered.ok) return { ok: false, error: rendered.error };
    text = rendered.text;
    if (text.length > MAX_BODY_LENGTH) {
      return fail(`With its merge fields filled in for ${phone.e164} the message is ${text.length} characters; the limit is ${MAX_BODY_LENGTH}`, "body", "invalid_parameter");
    }
  }
  const encoded = input.smartEncoding ? smartEncode(text).text : text;
  // Links shortened last: the short URLs are GSM-7 and what the segments are counted on.
  const { text: body, links } = input.shortenLinks ? shortenText(encoded, { utmCampaign: null }) : { text: encoded, links: [] };
  const segmented = segmentMessage(body);
  // Virtual phones exist to be read by whoever tests with them (a code included): the simulator's
  // texts keep theirs.
  const masked = input.secret && body.includes(input.secret) && sender.connection.kind !== "SIMULATOR";
  const segments = isMms ? 1 : segmented.segmentCount;
  return {
    ok: true,
    send: {
      to: phone.e164,
      sender,
      body: masked ? body.replaceAll(input.secret!, "*".repeat(input.secret!.length)) : body,
      secretBody: masked ? body : null,
      mediaIds: input.mediaIds,
      encoding: segmented.encoding,
      segments,
      priceMicros: isMms ? sender.connection.mmsPriceMicros : segments * sender.connection.smsPriceMicros,
      marketing: input.marketing,
      links,
      idempotencyKey: input.idempotencyKey ?? null,
      statusCallback: input.statusCallback ?? null,
      status: sendAt ? "SCHEDULED" : "QUEUED",
      sendAt,
    },
  };
}

export interface SendContext {
  defaultCountry: string;
  /** The org's senders, oldest first: the first is the default. */
  senders: SenderForSend[];
  /** The sender a `from` names (its id, or its address in any format), resolved once per batch. */
  senderFor(from: string): SenderForSend | undefined;
  mediaSizes: ReadonlyMap<string, number>;
  /** A templated body as this recipient gets it (lib/messaging/merge-fields.ts). */
  render(body: string, phone: string): Rendered;
}

export function sendContext(
  defaultCountry: string,
  senders: SenderForSend[],
  mediaSizes: ReadonlyMap<string, number>,
  render: SendContext["render"],
): SendContext {
  const resolved = new Map<string, SenderForSend | undefined>();
  const senderFor = (from: string) => {
    if (!resolved.has(from)) {
      const phone = normalizePhone(from, defaultCountry);
      const address = phone.ok ? phone.e164 : from;
      resolved.set(from, senders.find((s) => s.id === from || s.address === from || s.address === address));
    }
    return resolved.get(from);
  };
  return { defaultCountry, senders, senderFor, mediaSizes, render };
}
