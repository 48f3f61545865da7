// GET /api/v1/webhook_endpoints/{id}/deliveries: the endpoint's delivery log, newest first, each
// with its latest attempt; filter by status.
import { apiRoute } from "@/lib/api/api-route";
import { page } from "@/lib/api/pagination";
import { parseQuery } from "@/lib/api/parse-input";
import { serializeWebhookDelivery } from "@/lib/api/webhooks/serialize-webhook-delivery";
import { listWebhookDeliveriesParams, toListDeliveriesInput } from "@/lib/api/webhooks/webhook-params";
import { listDeliveries } from "@/lib/webhooks/list-deliveries";
import { getEndpoint } from "@/lib/webhooks/manage-endpoints";

export const GET = apiRoute<{ id: string }>("webhooks:manage", async ({ ctx, params, url }) => {
  const query = parseQuery(listWebhookDeliveriesParams, url);
  const { id } = await getEndpoint(ctx, { id: params.id }); // an unknown endpoint is 404 on `id`, the path's own name for it
  const { items, nextCursor } = await listDeliveries(ctx, toListDeliveriesInput(id, query));
  return { status: 200, body: page(items, nextCursor, (d) => serializeWebhookDelivery(d, id)) };
});
