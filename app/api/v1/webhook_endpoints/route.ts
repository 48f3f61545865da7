// GET /api/v1/webhook_endpoints: the org's endpoints, newest first. POST: add one; the answer holds
// its signing secret, the one time it is shown.
import { apiRoute } from "@/lib/api/api-route";
import { page } from "@/lib/api/pagination";
import { parseJsonBody, parseQuery } from "@/lib/api/parse-input";
import { createWebhookEndpointParams, pageWebhookEndpointsParams, toCreateEndpointInput } from "@/lib/api/webhooks/webhook-params";
import { serializeWebhookEndpoint, serializeWebhookEndpointWithSecret } from "@/lib/api/webhooks/serialize-webhook-endpoint";
import { createEndpoint, pageEndpoints } from "@/lib/webhooks/manage-endpoints";

export const GET = apiRoute("webhooks:manage", async ({ ctx, url }) => {
  const { limit, starting_after } = parseQuery(pageWebhookEndpointsParams, url);
  const { items, nextCursor } = await pageEndpoints(ctx, { limit, cursor: starting_after });
  return { status: 200, body: page(items, nextCursor, serializeWebhookEndpoint) };
});

export const POST = apiRoute("webhooks:manage", async ({ ctx, body }) => ({
  status: 201,
  body: serializeWebhookEndpointWithSecret(await createEndpoint(ctx, toCreateEndpointInput(parseJsonBody(createWebhookEndpointParams, body)))),
}));
