// What a send accepts, from every entry point (compose box, REST v1, Twilio-compatible API,
// campaigns, workflows): one schema, so the form, the procedure and the OpenAPI document agree.
import { z } from "zod";
import { MAX_MESSAGE_MEDIA } from "@/lib/media/media-types";
import { MAX_BODY_LENGTH } from "@/lib/sms/segments";

export const MAX_MEDIA = MAX_MESSAGE_MEDIA;
/** Largest batch one call may send (REST v1 batch endpoint). */
export const MAX_BATCH = 1_000;

export const sendMessageInput = z
  .strictObject({
    to: z.string().trim().min(1, "Enter the recipient's phone number").max(32),
    /** A sender id (snd_...) or one of the org's sender addresses; the org's first sender when omitted. */
    from: z.string().trim().min(1).max(32).optional(),
    body: z.string().max(MAX_BODY_LENGTH, `Messages are limited to ${MAX_BODY_LENGTH} characters`).default(""),
    mediaIds: z.array(z.string().regex(/^med_[0-9a-z]{24}$/, "is not a media id")).max(MAX_MEDIA, `At most ${MAX_MEDIA} media files per message`).default([]),
    /** Marketing traffic is refused for recipients who opted out; transactional (codes, receipts) is not. */
    marketing: z.boolean().default(true),
    /** Replace look-alike Unicode (curly quotes, dashes, odd spaces) with GSM-7 characters before encoding. */
    smartEncoding: z.boolean().default(false),
    /**
     * Fill in {{first_name}}, {{custom.points}}... for the recipient (lib/messaging/merge-fields.ts).
     * Off for text that must go as written: the Twilio-compatible API's, verification codes.
     */
    mergeFields: z.boolean().default(true),
    /** Replace each http(s) link by a short link of this message's own (lib/links/), its clicks recorded. */
    shortenLinks: z.boolean().default(false),
    idempotencyKey: z.string().trim().min(1).max(255).optional(),
    sendAt: z.coerce.date().optional(),
    statusCallback: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
    /**
     * Text in the body that only the recipient may read (a verification code): the carrier gets it,
     * the message log, the API and webhooks show it masked. Not offered by the public API.
     */
    secret: z.string().min(1).max(MAX_BODY_LENGTH).optional(),
  })
  .refine((input) => input.body.trim().length > 0 || input.mediaIds.length > 0, {
    message: "Write a message or attach media",
    path: ["body"],
  });

export type SendMessageInput = z.input<typeof sendMessageInput>;
export type SendMessageParsed = z.output<typeof sendMessageInput>;
