// The delivery log of an endpoint, newest first, and one delivery with its attempts. WebhookAttempt has
// no orgId of its own: it is reached only through a delivery found in the org's scope.
import { notFound } from "@/lib/errors";
import type { OrgContext } from "@/lib/org-context";
import { deliveryIdInput, listDeliveriesInput } from "@/lib/webhooks/endpoint-input";
import type { z } from "zod";

export async function listDeliveries(ctx: OrgContext, raw: z.input<typeof listDeliveriesInput>) {
  const { endpointId, status, cursor, limit } = listDeliveriesInput.parse(raw);
  if (!(await ctx.db.webhookEndpoint.findUnique({ where: { id: endpointId }, select: { id: true } }))) throw notFound("Webhook endpoint", "endpointId");
  const rows = await ctx.db.webhookDelivery.findMany({
    where: { endpointId, ...(status && { status }), ...(cursor && { id: { lt: cursor } }) },
    orderBy: { id: "desc" },
    take: limit + 1,
    select: {
      id: true,
      eventType: true,
      eventId: true,
      status: true,
      attempts: true,
      nextAttemptAt: true,
      deliveredAt: true,
      createdAt: true,
      attemptLog: { orderBy: { attempt: "desc" }, take: 1, select: { responseStatus: true, latencyMs: true, error: true, createdAt: true } },
    },
  });
  const items = rows.slice(0, limit).map(({ attemptLog, ...d }) => ({ ...d, lastAttempt: attemptLog[0] ?? null }));
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
}

export async function getDelivery(ctx: OrgContext, raw: z.input<typeof deliveryIdInput>) {
  const { id } = deliveryIdInput.parse(raw);
  const delivery = await ctx.db.webhookDelivery.findUnique({
    where: { id },
    include: { attemptLog: { orderBy: { attempt: "asc" } }, endpoint: { select: { id: true, url: true } } },
  });
  if (!delivery) throw notFound("Delivery", "id");
  const { attemptLog, ...rest } = delivery;
  return { ...rest, attempts: attemptLog, attemptCount: delivery.attempts };
}
