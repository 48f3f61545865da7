// POST /api/v1/webhook_endpoints/{id}/rotate_secret: a new signing secret, used from the next
// attempt on; the answer is the endpoint with it, the one time it is shown.
import { apiRoute } from "@/lib/api/api-route";
import { serializeWebhookEndpointWithSecret } from "@/lib/api/webhooks/serialize-webhook-endpoint";
import { getEndpoint, rotateEndpointSecret } from "@/lib/webhooks/manage-endpoints";

export const POST = apiRoute<{ id: string }>("webhooks:manage", async ({ ctx, params }) => {
  const { secret } = await rotateEndpointSecret(ctx, { id: params.id });
  return { status: 200, body: serializeWebhookEndpointWithSecret({ ...(await getEndpoint(ctx, { id: params.id })), secret }) };
});
