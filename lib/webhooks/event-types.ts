// The events an endpoint can subscribe to: one list for validation, the form's checkboxes and the
// docs. Extend it as features land (campaign.completed and verification.approved are sent by those).
export const WEBHOOK_EVENT_TYPES = [
  "message.queued",
  "message.sent",
  "message.delivered",
  "message.undelivered",
  "message.failed",
  "message.received",
  "contact.opted_out",
  "contact.opted_in",
  "campaign.completed",
  "verification.approved",
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const WEBHOOK_EVENT_LABELS: Record<WebhookEventType, string> = {
  "message.queued": "Message queued",
  "message.sent": "Message sent",
  "message.delivered": "Message delivered",
  "message.undelivered": "Message undelivered",
  "message.failed": "Message failed",
  "message.received": "Message received",
  "contact.opted_out": "Contact opted out",
  "contact.opted_in": "Contact opted in",
  "campaign.completed": "Campaign completed",
  "verification.approved": "Verification approved",
};

/** Sent by "Send test event" to one endpoint, whatever it subscribes to. */
export const TEST_EVENT_TYPE = "webhook.test";
