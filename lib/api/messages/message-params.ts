// The messages resource's parameters in the API's snake_case, built from the pipeline's own field
// schemas (lib/messaging/message-input.ts, message-list-input.ts) so the rules are written once,
// and mapped to the domain inputs here and nowhere else.
import { createHash } from "node:crypto";
import { z } from "zod";
import { paginationParams } from "@/lib/api/pagination";
import { canonicalJson } from "@/lib/canonical-json";
import { MessageDirection, MessageStatus } from "@/lib/generated/prisma/enums";
import { fetchMedia } from "@/lib/media/fetch-media";
import { MAX_BATCH, MAX_MEDIA, sendMessageInput, type SendMessageInput } from "@/lib/messaging/message-input";
import type { OrgContext } from "@/lib/org-context";
import { listMessagesInput, type ListMessagesInput } from "@/lib/messaging/message-list-input";

const send = sendMessageInput.shape;

export const sendMessageParams = z.strictObject({
  to: send.to,
  from: send.from,
  body: send.body,
  media_ids: send.mediaIds,
  /** Public http(s) URLs of images, video or audio: fetched (SSRF-guarded) and stored as media. */
  media_urls: z.array(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" })).max(MAX_MEDIA, `At most ${MAX_MEDIA} media files per message`).optional(),
  status_callback: send.statusCallback,
  send_at: send.sendAt,
  marketing: send.marketing,
  smart_encoding: send.smartEncoding,
});
export type SendMessageParams = z.output<typeof sendMessageParams>;

export const sendBatchParams = z.strictObject({
  // Items are checked one by one (each gets its own result); here only that they are objects.
  messages: z
    .array(z.record(z.string(), z.unknown(), "must be an object"), "must be an array of messages")
    .min(1, "must hold at least one message")
    .max(MAX_BATCH, `must hold at most ${MAX_BATCH} messages`),
});

/**
 * The domain input for one message; media_urls are fetched into the org's media first. `dedupe`
 * (from the request's Idempotency-Key and body) becomes the message's own idempotency key, so even a
 * request retried after a crash sends it once.
 */
export async function toSendMessageInput(ctx: OrgContext, params: SendMessageParams, dedupe?: string): Promise<SendMessageInput> {
  const fetched: string[] = [];
  for (const [i, url] of (params.media_urls ?? []).entries()) {
    fetched.push((await fetchMedia(ctx, url, { field: `media_urls.${i}` })).id);
  }
  return {
    to: params.to,
    from: params.from,
    body: params.body,
    mediaIds: [...params.media_ids, ...fetched],
    statusCallback: params.status_callback,
    sendAt: params.send_at,
    marketing: params.marketing,
    smartEncoding: params.smart_encoding,
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
