// POST /api/v1/webhook_deliveries/{id}/replay: the same event (same webhook-id and body) to the same
// endpoint again, as a new delivery; the answer is that delivery.
import { apiRoute } from "@/lib/api/api-route";
import { serializeWebhookDeliveryWithAttempts } from "@/lib/api/webhooks/serialize-webhook-delivery";
import { getDelivery } from "@/lib/webhooks/list-deliveries";
import { replayDelivery } from "@/lib/webhooks/replay-delivery";

export const POST = apiRoute<{ id: string }>("webhooks:manage", async ({ ctx, params }) => {
  const { id } = await replayDelivery(ctx, { id: params.id });
  return { status: 201, body: serializeWebhookDeliveryWithAttempts(await getDelivery(ctx, { id })) };
});
