// The forms Twilio posts to our webhooks, validated and turned into what lib/messaging takes.
// Unknown fields are dropped: Twilio adds fields over time and signs whatever it sends.
import { z } from "zod";
import type { CarrierReceipt, InboundText, ReceiptStatus } from "@/lib/carriers/carrier";

const messageSid = z.string().regex(/^(SM|MM)[0-9a-f]{32}$/i, "must be a Twilio message SID");

// Twilio's other statuses (queued, sending, accepted, scheduled, read...) say nothing the dispatcher
// has not already recorded, so they produce no receipt.
const RECEIPT_STATUSES: Record<string, ReceiptStatus> = {
  sent: "SENT",
  delivered: "DELIVERED",
  undelivered: "UNDELIVERED",
  failed: "FAILED",
};

export const statusCallbackForm = z.object({
  MessageSid: messageSid,
  MessageStatus: z.string().min(1),
  ErrorCode: z.string().regex(/^\d+$/).optional(),
});

/** The receipt a status callback carries, or null for a status that is not one. */
export function receiptFromStatusCallback(form: z.infer<typeof statusCallbackForm>, occurredAt: Date): CarrierReceipt | null {
  const status = RECEIPT_STATUSES[form.MessageStatus];
  if (!status) return null;
  // Twilio sends ErrorCode "0" or nothing when there is no error.
  const errorCode = form.ErrorCode && form.ErrorCode !== "0" ? form.ErrorCode : undefined;
  return { carrierMessageId: form.MessageSid, status, ...(errorCode ? { errorCode } : {}), occurredAt };
}

// Twilio attaches at most 10 media to a message.
const MAX_MEDIA = 10;

export const inboundMessageForm = z
  .looseObject({
    MessageSid: messageSid,
    From: z.string().min(1),
    To: z.string().min(1),
    Body: z.string().default(""),
    NumMedia: z.coerce.number().int().min(0).max(MAX_MEDIA).default(0),
  })
  // MediaUrl0..N-1 and MediaContentType0..N-1, one pair per attachment.
  .transform((form, ctx) => {
    const media = [];
    for (let i = 0; i < form.NumMedia; i++) {
      const item = z.object({ url: z.url(), contentType: z.string().min(1) }).safeParse({
        url: form[`MediaUrl${i}`],
        contentType: form[`MediaContentType${i}`],
      });
      if (!item.success) {
        ctx.addIssue({ code: "custom", path: [`MediaUrl${i}`], message: "must be a URL with its MediaContentType" });
        return z.NEVER;
      }
      media.push(item.data);
    }
    return { carrierMessageId: form.MessageSid, from: form.From, to: form.To, body: form.Body, media };
  });

export function inboundTextFromForm(form: z.infer<typeof inboundMessageForm>, receivedAt: Date): InboundText {
  return { ...form, receivedAt };
}
