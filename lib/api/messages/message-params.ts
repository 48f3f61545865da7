// The messages resource's parameters in the API's snake_case, built from the pipeline's own field
// schemas (lib/messaging/message-input.ts, message-list-input.ts) so the rules are written once,
// and mapped to the domain inputs here and nowhere else.
import { createHash } from "node:crypto";
import { z } from "zod";
import { jsonSchema } from "@/lib/api/openapi/json-schema";
import { paginationParams } from "@/lib/api/pagination";
import { canonicalJson } from "@/lib/canonical-json";
import { MessageDirection, MessageStatus } from "@/lib/generated/prisma/enums";
import { mediaIdFromUrl } from "@/lib/media/media-from-url";
import { MAX_BATCH, MAX_MEDIA, sendMessageInput, type SendMessageInput } from "@/lib/messaging/message-input";
import { requireScope, type ApiContext } from "@/lib/api/authenticate";
import { listMessagesInput, type ListMessagesInput } from "@/lib/messaging/message-list-input";

const send = sendMessageInput.shape;

export const sendMessageParams = z.strictObject({
  to: send.to.describe("The recipient: E.164 (+14155550123), or national form in the organisation's default country"),
  from: send.from.describe("A sender id (snd_...) or one of your sender numbers; your organisation's first sender when left out"),
  body: send.body.describe("The text; may be left out when media are sent"),
  media_ids: send.mediaIds.describe("Media ids (med_...) from uploading media: the message goes as an MMS"),
  /** Public http(s) URLs of images, video or audio: fetched (SSRF-guarded) and stored as media; our own media links are used as they are. */
  media_urls: z
    .array(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }))
    .max(MAX_MEDIA, `At most ${MAX_MEDIA} media files per message`)
    .optional()
    .describe("Public http(s) URLs of images, video or audio, fetched and sent as media (with media_ids, up to 10 in all); a media `url` of this API is used as it is"),
  status_callback: send.statusCallback.describe("An http(s) URL POSTed each status change of this message (Twilio's StatusCallback form, signed)"),
  // A Date once parsed; what a client sends is an ISO 8601 string, which is what the document says.
  send_at: send.sendAt.meta({
    type: "string",
    format: "date-time",
    description:
      "When to send it: an ISO 8601 time with its offset, such as 2026-12-01T09:00:00Z, at most a year ahead (`invalid_send_at` otherwise). The message is `scheduled` until then and can be canceled; left out, or within 5 s of now, it is sent at once",
  }),
  marketing: send.marketing.describe(
    "Marketing is refused for recipients who opted out (`recipient_unsubscribed`). false sends it as transactional (codes, receipts), which reaches them: it needs the `messages:transactional` scope (403 `insufficient_scope` otherwise), and one sent to a contact who opted out is recorded in the audit log",
  ),
  smart_encoding: send.smartEncoding.describe("Replace look-alike Unicode (curly quotes, dashes, odd spaces) with GSM-7 characters, so the text takes fewer segments"),
  shorten_links: send.shortenLinks.describe(
    "Replace each http(s) link in the body by a short link on this app's domain (APP_URL/l/<code>, 7 characters of code), made for this message, which redirects to it and records its clicks (the `link.clicked` webhook); segments and price are those of the text with short links. Default false",
  ),
  merge_fields: send.mergeFields.describe(
    "Fill in `{{first_name}}`, `{{last_name}}`, `{{phone}}`, `{{email}}` and `{{custom.<key>}}` (with a fallback: `{{first_name|there}}`) from the recipient's contact; segments and price are those of the filled-in text. An unknown field is `unknown_merge_field`; a field with no fallback sent to a number that is not a contact is `merge_field_without_value`. false sends the body as written",
  ),
});
export type SendMessageParams = z.output<typeof sendMessageParams>;

export const sendBatchParams = z.strictObject({
  // Items are checked one by one (each gets its own result); here only that they are objects. The
  // document shows what each item must be: the fields of sending one message.
  messages: z
    .array(z.record(z.string(), z.unknown(), "must be an object"), "must be an array of messages")
    .min(1, "must hold at least one message")
    .max(MAX_BATCH, `must hold at most ${MAX_BATCH} messages`)
    .meta({ items: jsonSchema(sendMessageParams, "input"), description: "The messages, each with the fields of sending one message" }),
});

/**
 * The domain input for one message; media_urls become the org's media first. `dedupe`
 * (from the request's Idempotency-Key and body) becomes the message's own idempotency key, so even a
 * request retried after a crash sends it once.
 */
export async function toSendMessageInput(ctx: ApiContext, params: SendMessageParams, dedupe?: string): Promise<SendMessageInput> {
  if (!params.marketing) requireScope(ctx, "messages:transactional", "marketing");
  const fromUrls: string[] = [];
  for (const [i, url] of (params.media_urls ?? []).entries()) fromUrls.push(await mediaIdFromUrl(ctx, url, `media_urls.${i}`));
  return {
    to: params.to,
    from: params.from,
    body: params.body,
    mediaIds: [...params.media_ids, ...fromUrls],
    statusCallback: params.status_callback,
    sendAt: params.send_at,
    marketing: params.marketing,
    smartEncoding: params.smart_encoding,
    mergeFields: params.merge_fields,
    shortenLinks: params.shorten_links,
    ...(dedupe && { idempotencyKey: dedupe }),
  };
}

/** A message idempotency key for this request (its parsed JSON body; and batch item), or undefined without the header. */
export function messageDedupeKey(idempotencyKey: string | null, body: unknown, item?: number): string | undefined {
  if (!idempotencyKey) return undefined;
  const hash = createHash("sha256").update(`${idempotencyKey}\n${canonicalJson(body)}`).digest("hex");
  return `api:${hash}${item === undefined ? "" : `:${item}`}`;
}

const lower = <T extends string>(values: Record<string, T>) => Object.values(values).map((v) => v.toLowerCase()) as [string, ...string[]];
const list = listMessagesInput.shape;

export const listMessagesParams = z.strictObject({
  ...paginationParams,
  status: z.enum(lower(MessageStatus), "is not a message status").optional(),
  direction: z.enum(lower(MessageDirection), "must be outbound or inbound").optional(),
  to: list.to,
  from: list.from,
  created_after: z.iso.datetime({ offset: true, error: "must be an ISO 8601 time, such as 2026-01-31T09:00:00Z" }).optional(),
  created_before: z.iso.datetime({ offset: true, error: "must be an ISO 8601 time, such as 2026-01-31T09:00:00Z" }).optional(),
}).refine((p) => !p.created_after || !p.created_before || new Date(p.created_after) < new Date(p.created_before), {
  message: "must be after created_after",
  path: ["created_before"],
});

export function toListMessagesInput(params: z.output<typeof listMessagesParams>): ListMessagesInput {
  return {
    limit: params.limit,
    cursor: params.starting_after,
    status: params.status?.toUpperCase() as MessageStatus | undefined,
    direction: params.direction?.toUpperCase() as MessageDirection | undefined,
    to: params.to,
    from: params.from,
    since: params.created_after,
    until: params.created_before,
  };
}
