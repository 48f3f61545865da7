// GET /api/v1/webhook_deliveries/{id}: one delivery with the event's payload and every attempt.
import { apiRoute } from "@/lib/api/api-route";
import { serializeWebhookDeliveryWithAttempts } from "@/lib/api/webhooks/serialize-webhook-delivery";
import { getDelivery } from "@/lib/webhooks/list-deliveries";

export const GET = apiRoute<{ id: string }>("webhooks:manage", async ({ ctx, params }) => ({
  status: 200,
  body: serializeWebhookDeliveryWithAttempts(await getDelivery(ctx, { id: params.id })),
}));
