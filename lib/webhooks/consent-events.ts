// The webhook event of a consent change by keyword (STOP, START, ...): who, which way, by what text.
import type { WebhookEvent } from "@/lib/webhooks/enqueue-webhook-events";

export function consentWebhookEvent(
  orgId: string,
  change: { kind: "OPT_OUT" | "OPT_IN"; keyword: string; contactId: string; phone: string; messageId: string; occurredAt: Date },
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
      source: "keyword",
      keyword: change.keyword,
      message_id: change.messageId,
    },
  };
}
