// GET /api/v1/webhook_endpoints/{id}: one endpoint (never its secret). PATCH: change the fields
// given (url, description, event_types, enabled). DELETE: remove it with its delivery log.
import { apiRoute } from "@/lib/api/api-route";
import { parseJsonBody } from "@/lib/api/parse-input";
import { serializeWebhookEndpoint } from "@/lib/api/webhooks/serialize-webhook-endpoint";
import { toUpdateEndpointInput, updateWebhookEndpointParams } from "@/lib/api/webhooks/webhook-params";
import { deleteEndpoint, getEndpoint, updateEndpoint } from "@/lib/webhooks/manage-endpoints";

export const GET = apiRoute<{ id: string }>("webhooks:manage", async ({ ctx, params }) => ({
  status: 200,
  body: serializeWebhookEndpoint(await getEndpoint(ctx, { id: params.id })),
}));

export const PATCH = apiRoute<{ id: string }>("webhooks:manage", async ({ ctx, params, body }) => ({
  status: 200,
  body: serializeWebhookEndpoint(await updateEndpoint(ctx, toUpdateEndpointInput(params.id, parseJsonBody(updateWebhookEndpointParams, body)))),
}));

export const DELETE = apiRoute<{ id: string }>("webhooks:manage", async ({ ctx, params }) => {
  await deleteEndpoint(ctx, { id: params.id });
  return { status: 200, body: { id: params.id, object: "webhook_endpoint", deleted: true } };
});
