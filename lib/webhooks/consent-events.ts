// The webhook event of a consent change (an inbound STOP or START, or an opt-out through the API):
// who, which way, by what means (and by which text, for a keyword).
import type { WebhookEvent } from "@/lib/webhooks/enqueue-webhook-events";

export function consentWebhookEvent(
  orgId: string,
  change: { kind: "OPT_OUT" | "OPT_IN"; source: string; keyword?: string; contactId: string; phone: string; messageId?: string; occurredAt: Date },
): WebhookEvent {
  return {
    orgId,
    type: change.kind === "OPT_OUT" ? "contact.opted_out" : "contact.opted_in",
    subjectId: change.contactId,
    occurredAt: change.occurredAt,
    data: {
      contact_id: change.contactId,
      phone: change.phone,
      subscription_status: change.kind === "OPT_OUT" ? "unsubscribed" : "subscribed",
      source: change.source,
      keyword: change.keyword ?? null,
      message_id: change.messageId ?? null,
    },
  };
}
