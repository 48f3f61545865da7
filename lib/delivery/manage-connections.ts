// Carrier connections: the org's ways out to the phone network (simulator, SMPP, Twilio). Secrets in
// the settings (SMPP password, Twilio auth token) are write-only: nothing returned from here carries
// them, and an edit that leaves one blank keeps the stored value.
import { recordAudit } from "@/lib/audit/record-audit";
import { rebindConnection } from "@/lib/delivery/start-smpp-binds";
import {
  checkConnectionConfig,
  connectionIdInput,
  createConnectionInput,
  secretKeys,
  updateConnectionInput,
  type CreateConnectionInput,
  type UpdateConnectionInput,
} from "@/lib/delivery/connection-input";
import { twilioWebhookUrls } from "@/lib/carriers/twilio-webhook-urls";
import { DomainError, notFound } from "@/lib/errors";
import type { CarrierConnection, Prisma } from "@/lib/generated/prisma/client";
import type { CarrierKind } from "@/lib/generated/prisma/enums";
import { newId } from "@/lib/ids";
import type { OrgContext } from "@/lib/org-context";
import type { z } from "zod";

type Config = Record<string, unknown>;

const isSet = (value: unknown) => value !== undefined && value !== null && value !== "";

/** The settings without their secrets, and which secrets are set (shown as "••••"). */
function withoutSecrets(kind: CarrierKind, config: Config) {
  const secrets = secretKeys(kind);
  const visible = Object.fromEntries(Object.entries(config).filter(([key]) => !secrets.includes(key)));
  return { config: visible, secretsSet: secrets.filter((key) => isSet(config[key])) };
}

/** What a browser may see of a connection. */
function connectionView(connection: CarrierConnection & { _count?: { senders: number } }) {
  const { config, secretsSet } = withoutSecrets(connection.kind, connection.config as Config);
  return {
    id: connection.id,
    name: connection.name,
    kind: connection.kind,
    config,
    secretsSet,
    smsPriceMicros: connection.smsPriceMicros,
    mmsPriceMicros: connection.mmsPriceMicros,
    senderCount: connection._count?.senders ?? 0,
    webhookUrls: connection.kind === "TWILIO" ? twilioWebhookUrls(connection.id) : null,
    createdAt: connection.createdAt,
    updatedAt: connection.updatedAt,
  };
}
export type ConnectionView = ReturnType<typeof connectionView>;

function checkedConfig(kind: CarrierKind, raw: Config): Config {
  const result = checkConnectionConfig(kind, raw);
  if (!result.ok) throw new DomainError("BAD_REQUEST", result.message, result.field);
  return result.config;
}

/** The audit trail says a secret changed, never what it is. */
function auditedConfig(kind: CarrierKind, config: Config): Config {
  const { config: visible, secretsSet } = withoutSecrets(kind, config);
  return { ...visible, ...Object.fromEntries(secretsSet.map((key) => [key, "(secret)"])) };
}

export async function listConnections(ctx: OrgContext): Promise<ConnectionView[]> {
  const connections = await ctx.db.carrierConnection.findMany({
    orderBy: { createdAt: "asc" },
    include: { _count: { select: { senders: true } } },
  });
  return connections.map(connectionView);
}

export async function createConnection(ctx: OrgContext, raw: CreateConnectionInput): Promise<ConnectionView> {
  const input = createConnectionInput.parse(raw);
  const config = checkedConfig(input.kind, input.config);
  const view = await ctx.db.$transaction(async (tx) => {
    const connection = await tx.carrierConnection.create({
      data: {
        id: newId("connection"),
        orgId: ctx.orgId,
        name: input.name,
        kind: input.kind,
        config: config as Prisma.InputJsonObject,
        smsPriceMicros: input.smsPriceMicros,
        mmsPriceMicros: input.mmsPriceMicros,
      },
    });
    await recordAudit(ctx, tx, {
      action: "carrier_connection.created",
      targetType: "carrier_connection",
      targetId: connection.id,
      changes: { ...input, config: auditedConfig(input.kind, config) } as Prisma.InputJsonObject,
    });
    return connectionView(connection);
  });
  await rebindConnection(view.id);
  return view;
}

export async function updateConnection(ctx: OrgContext, raw: UpdateConnectionInput): Promise<ConnectionView> {
  const { id, config: newConfig, ...input } = updateConnectionInput.parse(raw);
  const view = await ctx.db.$transaction(async (tx) => {
    const before = await tx.carrierConnection.findUnique({ where: { id } });
    if (!before) throw notFound("Connection", "id");
    const previous = before.config as Config;
    let config = previous;
    if (newConfig) {
      // A blank secret means "unchanged": the form never had the stored one to send back.
      const kept = Object.fromEntries(secretKeys(before.kind).filter((key) => !isSet(newConfig[key])).map((key) => [key, previous[key]]));
      config = checkedConfig(before.kind, { ...newConfig, ...kept });
    }
    const after = await tx.carrierConnection.update({
      where: { id },
      data: { ...input, ...(newConfig && { config: config as Prisma.InputJsonObject }) },
      include: { _count: { select: { senders: true } } },
    });
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of ["name", "smsPriceMicros", "mmsPriceMicros"] as const) {
      if (before[key] !== after[key]) changes[key] = { from: before[key], to: after[key] };
    }
    const from = auditedConfig(before.kind, previous);
    const to = auditedConfig(before.kind, config);
    const secretChanged = secretKeys(before.kind).filter((key) => previous[key] !== config[key]);
    for (const key of secretChanged) to[key] = "(changed)";
    if (JSON.stringify(from) !== JSON.stringify(to)) changes.config = { from, to };
    if (Object.keys(changes).length > 0) {
      await recordAudit(ctx, tx, {
        action: "carrier_connection.updated",
        targetType: "carrier_connection",
        targetId: id,
        changes: changes as Prisma.InputJsonObject,
      });
    }
    return connectionView(after);
  });
  await rebindConnection(id);
  return view;
}

/** Refused while sender numbers use the connection: move or delete them first. */
export async function deleteConnection(ctx: OrgContext, raw: z.input<typeof connectionIdInput>) {
  const { id } = connectionIdInput.parse(raw);
  const deleted = await ctx.db.$transaction(async (tx) => {
    const connection = await tx.carrierConnection.findUnique({ where: { id }, include: { senders: { select: { address: true } } } });
    if (!connection) throw notFound("Connection", "id");
    if (connection.senders.length > 0) {
      const addresses = connection.senders.map((s) => s.address);
      const shown = addresses.slice(0, 3).join(", ") + (addresses.length > 3 ? ` and ${addresses.length - 3} more` : "");
      throw new DomainError(
        "CONFLICT",
        `${connection.name} is used by ${addresses.length === 1 ? "the sender" : `${addresses.length} senders`} ${shown}: move or delete ${addresses.length === 1 ? "it" : "them"} first`,
        "id",
      );
    }
    await tx.carrierConnection.delete({ where: { id } });
    await recordAudit(ctx, tx, {
      action: "carrier_connection.deleted",
      targetType: "carrier_connection",
      targetId: id,
      changes: { name: connection.name, kind: connection.kind },
    });
    return { id };
  });
  await rebindConnection(id);
  return deleted;
}
