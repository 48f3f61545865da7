// A webhook endpoint as the API shows it: snake_case, ISO 8601 UTC times, and the signing secret
// only in the answers that make one (create, rotate), never when it is read.
import type { EndpointView } from "@/lib/webhooks/manage-endpoints";

export function serializeWebhookEndpoint(e: EndpointView) {
  return {
    id: e.id,
    object: "webhook_endpoint" as const,
    url: e.url,
    description: e.description,
    event_types: e.eventTypes,
    enabled: e.enabled,
    disabled_reason: e.disabledReason,
    failure_streak: e.failureStreak,
    created_at: e.createdAt.toISOString(),
    updated_at: e.updatedAt.toISOString(),
  };
}

export const serializeWebhookEndpointWithSecret = (e: EndpointView & { secret: string }) => ({ ...serializeWebhookEndpoint(e), secret: e.secret });
