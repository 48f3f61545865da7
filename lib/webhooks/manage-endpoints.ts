// Webhook endpoints of an org: create (the signing secret is returned this once), list, edit, enable
// or disable, rotate the secret, delete. Every change is audited in its transaction; the secret never
// appears in a view or an audit row.
import { recordAudit } from "@/lib/audit/record-audit";
import { afterCommit } from "@/lib/db/after-commit";
import { DomainError, notFound } from "@/lib/errors";
import type { Prisma, WebhookEndpoint } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";
import { checkOutboundUrl } from "@/lib/net/outbound-url";
import type { OrgContext } from "@/lib/org-context";
import { createEndpointInput, endpointIdInput, updateEndpointInput, type CreateEndpointInput, type UpdateEndpointInput } from "@/lib/webhooks/endpoint-input";
import { requestWebhookDeliveries } from "@/lib/webhooks/request-deliveries";
import { newWebhookSecret } from "@/lib/webhooks/sign-webhook";
import type { z } from "zod";

const MAX_ENDPOINTS = 20;

/** What a browser may see of an endpoint: everything but the secret. */
function endpointView(endpoint: WebhookEndpoint) {
  return {
    id: endpoint.id,
    url: endpoint.url,
    description: endpoint.description,
    eventTypes: endpoint.eventTypes,
    enabled: endpoint.enabled,
    disabledReason: endpoint.disabledReason,
    failureStreak: endpoint.failureStreak,
    createdAt: endpoint.createdAt,
    updatedAt: endpoint.updatedAt,
  };
}
export type EndpointView = ReturnType<typeof endpointView>;

export async function listEndpoints(ctx: OrgContext): Promise<EndpointView[]> {
  const endpoints = await ctx.db.webhookEndpoint.findMany({ orderBy: { createdAt: "asc" } });
  return endpoints.map(endpointView);
}

/** A page of endpoints, newest first (the API's convention; the UI lists them all, oldest first). */
export async function pageEndpoints(ctx: OrgContext, { limit, cursor }: { limit: number; cursor?: string }) {
  const rows = await ctx.db.webhookEndpoint.findMany({ where: cursor ? { id: { lt: cursor } } : {}, orderBy: { id: "desc" }, take: limit + 1 });
  const items = rows.slice(0, limit).map(endpointView);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
}

export async function getEndpoint(ctx: OrgContext, raw: z.input<typeof endpointIdInput>): Promise<EndpointView> {
  const { id } = endpointIdInput.parse(raw);
  const endpoint = await ctx.db.webhookEndpoint.findUnique({ where: { id } });
  if (!endpoint) throw notFound("Webhook endpoint", "id");
  return endpointView(endpoint);
}

export async function createEndpoint(ctx: OrgContext, raw: CreateEndpointInput): Promise<EndpointView & { secret: string }> {
  const input = createEndpointInput.parse(raw);
  const url = (await checkOutboundUrl(input.url)).toString();
  return ctx.db.$transaction(async (tx) => {
    if ((await tx.webhookEndpoint.count()) >= MAX_ENDPOINTS) {
      throw new DomainError("BAD_REQUEST", `An organisation can have at most ${MAX_ENDPOINTS} webhook endpoints`, "url", "too_many_endpoints");
    }
    const endpoint = await tx.webhookEndpoint.create({
      data: { id: newId("webhookEndpoint"), orgId: ctx.orgId, url, description: input.description || null, eventTypes: input.eventTypes, secret: newWebhookSecret() },
    });
    await recordAudit(ctx, tx, {
      action: "webhook_endpoint.created",
      targetType: "webhook_endpoint",
      targetId: endpoint.id,
      changes: { url, description: endpoint.description, eventTypes: input.eventTypes },
    });
    return { ...endpointView(endpoint), secret: endpoint.secret };
  });
}

export async function updateEndpoint(ctx: OrgContext, raw: UpdateEndpointInput): Promise<EndpointView> {
  const { id, url: rawUrl, ...input } = updateEndpointInput.parse(raw);
  const url = rawUrl === undefined ? undefined : (await checkOutboundUrl(rawUrl)).toString();
  return ctx.db.$transaction(async (tx) => {
    const before = await tx.webhookEndpoint.findUnique({ where: { id } });
    if (!before) throw notFound("Webhook endpoint", "id");
    const reenabled = input.enabled === true && !before.enabled;
    const after = await tx.webhookEndpoint.update({
      where: { id },
      data: {
        ...(url !== undefined && { url }),
        ...(input.description !== undefined && { description: input.description || null }),
        ...(input.eventTypes && { eventTypes: input.eventTypes }),
        ...(input.enabled !== undefined && { enabled: input.enabled }),
        // Switched on again by a person: the automatic notice and the failure count start over.
        ...(reenabled && { disabledReason: null, failureStreak: 0 }),
      },
    });
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of ["url", "description", "enabled"] as const) {
      if (before[key] !== after[key]) changes[key] = { from: before[key], to: after[key] };
    }
    if (before.eventTypes.join() !== after.eventTypes.join()) changes.eventTypes = { from: before.eventTypes, to: after.eventTypes };
    await recordAudit(ctx, tx, { action: "webhook_endpoint.updated", targetType: "webhook_endpoint", targetId: id, changes: changes as Prisma.InputJsonObject });
    // Deliveries that waited while it was off go now.
    if (reenabled) await afterCommit(tx, () => requestWebhookDeliveries([id]));
    return endpointView(after);
  });
}

/** A new signing secret, effective for the next attempt; returned this once. */
export async function rotateEndpointSecret(ctx: OrgContext, raw: z.input<typeof endpointIdInput>): Promise<{ id: string; secret: string }> {
  const { id } = endpointIdInput.parse(raw);
  return ctx.db.$transaction(async (tx) => {
    const { count } = await tx.webhookEndpoint.updateMany({ where: { id }, data: { secret: newWebhookSecret() } });
    if (count === 0) throw notFound("Webhook endpoint", "id");
    const { secret } = await tx.webhookEndpoint.findUniqueOrThrow({ where: { id }, select: { secret: true } });
    await recordAudit(ctx, tx, { action: "webhook_endpoint.secret_rotated", targetType: "webhook_endpoint", targetId: id });
    return { id, secret };
  });
}

export async function deleteEndpoint(ctx: OrgContext, raw: z.input<typeof endpointIdInput>): Promise<{ id: string }> {
  const { id } = endpointIdInput.parse(raw);
  return ctx.db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findUnique({ where: { id } });
    if (!endpoint) throw notFound("Webhook endpoint", "id");
    await tx.webhookEndpoint.delete({ where: { id } });
    await recordAudit(ctx, tx, { action: "webhook_endpoint.deleted", targetType: "webhook_endpoint", targetId: id, changes: { url: endpoint.url } });
    return { id };
  });
}
