// Turns domain events into deliveries, inside the transaction that makes the change: one row per
// enabled endpoint of the org subscribed to the event's type, written by ONE set-based statement.
// It runs in the message pipeline's transactions at thousands of messages a second, so an org with
// no endpoints costs one index lookup on WebhookEndpoint(orgId) and nothing else. The endpoints that
// got deliveries are announced once the transaction commits (one request per endpoint however many
// statements of the transaction wrote for it); a lost announcement is found by the webhook sweeper.
import { afterCommitBatched } from "@/lib/db/after-commit";
import { ID_PREFIXES, newId } from "@/lib/ids";
import type { SqlClient } from "@/lib/db/sql";
import { requestWebhookDeliveries } from "@/lib/webhooks/request-deliveries";
import type { WebhookEventType } from "@/lib/webhooks/event-types";

export interface WebhookEvent {
  orgId: string;
  type: WebhookEventType;
  /** What the event is about (a message, a contact): its events reach an endpoint in order. */
  subjectId: string;
  occurredAt: Date;
  data: unknown;
}

/** The body every delivery of an event POSTs (Standard Webhooks' suggested shape). */
export interface WebhookPayload {
  type: string;
  timestamp: string;
  data: unknown;
}

// Delivery ids are a time-ordered stem per event with the last two characters replaced by the
// endpoint's ordinal, so one event's rows differ and "oldest first" is id order.
const STEM = ID_PREFIXES.webhookDelivery.length + 1 + 22;
const BASE32 = "0123456789abcdefghjkmnpqrstvwxyz";

export async function enqueueWebhookEvents(tx: SqlClient, events: WebhookEvent[]): Promise<void> {
  if (events.length === 0) return;
  const stems = events.map((e) => newId("webhookDelivery", e.occurredAt).slice(0, STEM));
  const eventIds = events.map((e) => newId("event", e.occurredAt));
  const payloads = events.map((e) => JSON.stringify({ type: e.type, timestamp: e.occurredAt.toISOString(), data: e.data } satisfies WebhookPayload));
  const rows = await tx.$queryRaw<{ endpointId: string }[]>`
    WITH inserted AS (
      INSERT INTO "WebhookDelivery" (id, "orgId", "endpointId", "eventType", "eventId", payload, "orderingKey", "createdAt")
      SELECT x.stem || substr(${BASE32}, (x.k / 32) % 32 + 1, 1) || substr(${BASE32}, x.k % 32 + 1, 1),
             x.org, x.endpoint, x.type, x.event_id, x.payload::jsonb, x.subject, now() AT TIME ZONE 'UTC'
      FROM (
        SELECT ev.*, e.id AS endpoint, (row_number() OVER (PARTITION BY ev.n ORDER BY e.id) - 1)::int AS k
        FROM unnest(${stems}::text[], ${events.map((e) => e.orgId)}::text[], ${events.map((e) => e.type)}::text[],
                    ${eventIds}::text[], ${events.map((e) => e.subjectId)}::text[], ${payloads}::text[])
               WITH ORDINALITY AS ev(stem, org, type, event_id, subject, payload, n)
        JOIN "WebhookEndpoint" e ON e."orgId" = ev.org AND e.enabled AND ev.type = ANY(e."eventTypes")
      ) x
      RETURNING "endpointId"
    )
    SELECT DISTINCT "endpointId" FROM inserted`;
  await afterCommitBatched(tx, requestWebhookDeliveries, rows.map((r) => r.endpointId));
}
