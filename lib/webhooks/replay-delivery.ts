// Replay: the same event (same webhook-id and body) to the same endpoint as a new series of attempts,
// after the deliveries of its subject still pending; and "Send test event", a one-off event of type
// webhook.test that ignores the endpoint's subscriptions.
import { recordAudit } from "@/lib/audit/record-audit";
import { afterCommit } from "@/lib/db/after-commit";
import { notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";
import type { OrgContext } from "@/lib/org-context";
import { deliveryIdInput, endpointIdInput } from "@/lib/webhooks/endpoint-input";
import type { WebhookPayload } from "@/lib/webhooks/enqueue-webhook-events";
import { TEST_EVENT_TYPE } from "@/lib/webhooks/event-types";
import { requestWebhookDeliveries } from "@/lib/webhooks/request-deliveries";
import type { z } from "zod";

export async function replayDelivery(ctx: OrgContext, raw: z.input<typeof deliveryIdInput>): Promise<{ id: string }> {
  const { id } = deliveryIdInput.parse(raw);
  const created = await ctx.db.$transaction(async (tx) => {
    const original = await tx.webhookDelivery.findUnique({ where: { id } });
    if (!original) throw notFound("Delivery", "id");
    const replay = await tx.webhookDelivery.create({
      data: {
        id: newId("webhookDelivery"),
        orgId: ctx.orgId,
        endpointId: original.endpointId,
        eventType: original.eventType,
        eventId: original.eventId,
        payload: original.payload as Prisma.InputJsonValue,
        orderingKey: original.orderingKey,
      },
    });
    await recordAudit(ctx, tx, { action: "webhook_delivery.replayed", targetType: "webhook_delivery", targetId: replay.id, changes: { of: id, eventId: original.eventId } });
    await afterCommit(tx, () => requestWebhookDeliveries([replay.endpointId]));
    return replay;
  });
  return { id: created.id };
}

export async function sendTestEvent(ctx: OrgContext, raw: z.input<typeof endpointIdInput>): Promise<{ id: string }> {
  const { id: endpointId } = endpointIdInput.parse(raw);
  const now = new Date();
  const eventId = newId("event", now);
  const payload: WebhookPayload = {
    type: TEST_EVENT_TYPE,
    timestamp: now.toISOString(),
    data: { endpoint_id: endpointId, message: "A test event from Textstack: your endpoint received and can verify it." },
  };
  const created = await ctx.db.$transaction(async (tx) => {
    if (!(await tx.webhookEndpoint.findUnique({ where: { id: endpointId }, select: { id: true } }))) throw notFound("Webhook endpoint", "id");
    const delivery = await tx.webhookDelivery.create({
      data: { id: newId("webhookDelivery", now), orgId: ctx.orgId, endpointId, eventType: TEST_EVENT_TYPE, eventId, payload: payload as unknown as Prisma.InputJsonValue },
    });
    await recordAudit(ctx, tx, { action: "webhook_endpoint.test_sent", targetType: "webhook_endpoint", targetId: endpointId, changes: { deliveryId: delivery.id } });
    await afterCommit(tx, () => requestWebhookDeliveries([endpointId]));
    return delivery;
  });
  return { id: created.id };
}
