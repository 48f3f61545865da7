// Webhook events for messages that just changed status: the event type of each status, and the
// message as the API serialises it (as it is now, so a receiver sees the status the event names).
import type { MessageStatus } from "@/lib/generated/prisma/enums";
import { serializeMessage, type SerializableMessage } from "@/lib/messaging/serialize-message";
import type { WebhookEvent } from "@/lib/webhooks/enqueue-webhook-events";
import type { WebhookEventType } from "@/lib/webhooks/event-types";

const BY_STATUS: Partial<Record<MessageStatus, WebhookEventType>> = {
  QUEUED: "message.queued",
  SENT: "message.sent",
  DELIVERED: "message.delivered",
  UNDELIVERED: "message.undelivered",
  FAILED: "message.failed",
  RECEIVED: "message.received",
};

export const messageEventType = (status: MessageStatus): WebhookEventType | undefined => BY_STATUS[status];

export function messageWebhookEvents(
  type: WebhookEventType,
  messages: (SerializableMessage & { orgId: string })[],
  occurredAt: Date,
): WebhookEvent[] {
  return messages.map((m) => ({ orgId: m.orgId, type, subjectId: m.id, occurredAt, data: serializeMessage(m) }));
}
