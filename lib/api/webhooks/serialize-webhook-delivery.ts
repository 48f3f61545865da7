// A webhook delivery as the API shows it: in the log, with its latest attempt; on its own, with the
// event's payload and every attempt (what was sent, what the endpoint answered).
import type { WebhookAttempt, WebhookDelivery } from "@/lib/generated/prisma/client";

type LastAttempt = Pick<WebhookAttempt, "responseStatus" | "latencyMs" | "error" | "createdAt">;
type SerializableDelivery = Pick<WebhookDelivery, "id" | "eventType" | "eventId" | "status" | "attempts" | "nextAttemptAt" | "deliveredAt" | "createdAt">;

const iso = (date: Date | null) => date?.toISOString() ?? null;

const attemptSummary = (a: LastAttempt) => ({ response_status: a.responseStatus, latency_ms: a.latencyMs, error: a.error, attempted_at: a.createdAt.toISOString() });

function deliveryFields(d: SerializableDelivery, endpointId: string) {
  return {
    id: d.id,
    object: "webhook_delivery" as const,
    endpoint_id: endpointId,
    event_type: d.eventType,
    event_id: d.eventId,
    status: d.status.toLowerCase() as Lowercase<typeof d.status>,
    attempt_count: d.attempts,
    next_attempt_at: iso(d.nextAttemptAt),
    delivered_at: iso(d.deliveredAt),
    created_at: d.createdAt.toISOString(),
  };
}

/** A row of an endpoint's log (lib/webhooks/list-deliveries.ts listDeliveries). */
export function serializeWebhookDelivery(d: SerializableDelivery & { lastAttempt: LastAttempt | null }, endpointId: string) {
  return { ...deliveryFields(d, endpointId), last_attempt: d.lastAttempt && attemptSummary(d.lastAttempt) };
}

/** One delivery with its payload and attempts, oldest first (getDelivery). */
export function serializeWebhookDeliveryWithAttempts(d: Omit<SerializableDelivery, "attempts"> & { payload: unknown; endpointId: string; attempts: WebhookAttempt[]; attemptCount: number }) {
  return {
    ...deliveryFields({ ...d, attempts: d.attemptCount }, d.endpointId),
    payload: d.payload,
    attempts: d.attempts.map((a) => ({ attempt: a.attempt, ...attemptSummary(a), request_body: a.requestBody, response_body: a.responseBody })),
  };
}
