// The events an endpoint can subscribe to: one list for validation, the form's checkboxes and the
// docs. Only events something sends are offered (tests/integration/webhooks/event-types.test.ts
// sends each one): a feature adds its events here, one line each, when it sends them.
const WEBHOOK_EVENTS = [
  { type: "message.queued", label: "Message queued" },
  { type: "message.sent", label: "Message sent" },
  { type: "message.delivered", label: "Message delivered" },
  { type: "message.undelivered", label: "Message undelivered" },
  { type: "message.failed", label: "Message failed" },
  { type: "message.received", label: "Message received" },
  { type: "contact.opted_out", label: "Contact opted out" },
  { type: "contact.opted_in", label: "Contact opted in" },
  { type: "verification.approved", label: "Verification approved" },
  { type: "campaign.completed", label: "Campaign completed" },
  { type: "link.clicked", label: "Link clicked" },
  { type: "workflow.run.completed", label: "Workflow run ended" },
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number]["type"];

export const WEBHOOK_EVENT_TYPES = WEBHOOK_EVENTS.map((e) => e.type) as [WebhookEventType, ...WebhookEventType[]];

export const WEBHOOK_EVENT_LABELS = Object.fromEntries(WEBHOOK_EVENTS.map((e) => [e.type, e.label])) as Record<WebhookEventType, string>;

/** Sent by "Send test event" to one endpoint, whatever it subscribes to. */
export const TEST_EVENT_TYPE = "webhook.test";
