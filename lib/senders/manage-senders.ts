// Sender numbers: the org's numbers and sender IDs, each bound to the carrier connection it sends
// through, with its own throughput (the dispatcher's per-sender throttle) and MMS switch.
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { orgDefaultCountry } from "@/lib/contacts/prepare-contact";
import { isUniqueViolation } from "@/lib/db/errors";
import { DomainError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MessageStatus, SenderKind } from "@/lib/generated/prisma/enums";
import { newId } from "@/lib/ids";
import type { OrgContext, ScopedTx } from "@/lib/org-context";
import { checkSenderAddress } from "@/lib/senders/sender-address";
import {
  createSenderInput,
  senderIdInput,
  updateSenderInput,
  type CreateSenderInput,
  type UpdateSenderInput,
} from "@/lib/senders/sender-input";

/** Messages that will still go out from their sender: deleting it would strand them. */
const PENDING: MessageStatus[] = ["SCHEDULED", "QUEUED", "SENDING"];
const AUDITED = ["kind", "address", "connectionId", "throughput", "mmsEnabled", "label"] as const;
const connectionSummary = { select: { id: true, name: true, kind: true } } as const;

async function addressFor(ctx: OrgContext, kind: SenderKind, address: string) {
  const result = checkSenderAddress(kind, address, await orgDefaultCountry(ctx));
  if (!result.ok) throw new DomainError("BAD_REQUEST", result.message, "address");
  return result.address;
}

async function requireConnection(tx: ScopedTx, id: string) {
  const connection = await tx.carrierConnection.findUnique({ where: { id }, select: { id: true } });
  if (!connection) throw notFound("Connection", "connectionId");
}

const taken = (address: string) => new DomainError("CONFLICT", `${address} is already one of this organisation's senders`, "address");

export async function listSenders(ctx: OrgContext) {
  return ctx.db.senderNumber.findMany({ orderBy: { createdAt: "asc" }, include: { connection: connectionSummary } });
}

export async function createSender(ctx: OrgContext, raw: CreateSenderInput) {
  const input = createSenderInput.parse(raw);
  const address = await addressFor(ctx, input.kind, input.address);
  try {
    return await ctx.db.$transaction(async (tx) => {
      await requireConnection(tx, input.connectionId);
      const sender = await tx.senderNumber.create({
        data: { id: newId("sender"), orgId: ctx.orgId, ...input, address },
        include: { connection: connectionSummary },
      });
      await recordAudit(ctx, tx, {
        action: "sender.created",
        targetType: "sender",
        targetId: sender.id,
        changes: { ...input, address } as Prisma.InputJsonObject,
      });
      return sender;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw taken(address);
    throw error;
  }
}

export async function updateSender(ctx: OrgContext, raw: UpdateSenderInput) {
  const { id, ...input } = updateSenderInput.parse(raw);
  const country = input.kind !== undefined || input.address !== undefined ? await orgDefaultCountry(ctx) : null;
  let address: string | undefined;
  try {
    return await ctx.db.$transaction(async (tx) => {
      const before = await tx.senderNumber.findUnique({ where: { id } });
      if (!before) throw notFound("Sender", "id");
      if (country !== null) {
        // A new kind re-checks the stored address too: a short code cannot become alphanumeric.
        const result = checkSenderAddress(input.kind ?? before.kind, input.address ?? before.address, country);
        if (!result.ok) throw new DomainError("BAD_REQUEST", result.message, "address");
        address = result.address;
      }
      if (input.connectionId !== undefined) await requireConnection(tx, input.connectionId);
      const after = await tx.senderNumber.update({
        where: { id },
        data: { ...input, ...(address !== undefined && { address }) },
        include: { connection: connectionSummary },
      });
      const changes = Object.fromEntries(
        AUDITED.filter((k) => before[k] !== after[k]).map((k) => [k, { from: before[k], to: after[k] }]),
      ) as Prisma.InputJsonObject;
      if (Object.keys(changes).length > 0) {
        await recordAudit(ctx, tx, { action: "sender.updated", targetType: "sender", targetId: id, changes });
      }
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw taken(address ?? "That address");
    throw error;
  }
}

/** Refused while messages from the sender wait to go out; sent messages keep their history. */
export async function deleteSender(ctx: OrgContext, raw: z.input<typeof senderIdInput>) {
  const { id } = senderIdInput.parse(raw);
  return ctx.db.$transaction(async (tx) => {
    const sender = await tx.senderNumber.findUnique({ where: { id } });
    if (!sender) throw notFound("Sender", "id");
    // Locked first: a message being queued from this sender holds a key-share lock on the row until
    // it commits, so the count below sees it, and one queued after waits and then fails its
    // foreign key instead of losing its sender.
    await tx.$queryRaw`SELECT 1 FROM "SenderNumber" WHERE id = ${id} AND "orgId" = ${ctx.orgId} FOR UPDATE`;
    const pending = await tx.message.count({ where: { senderId: id, status: { in: PENDING } } });
    if (pending > 0) {
      throw new DomainError(
        "CONFLICT",
        `${sender.address} has ${pending} message${pending === 1 ? "" : "s"} waiting to be sent: cancel ${pending === 1 ? "it" : "them"} or wait until sent`,
        "id",
      );
    }
    await tx.senderNumber.delete({ where: { id } });
    await recordAudit(ctx, tx, {
      action: "sender.deleted",
      targetType: "sender",
      targetId: id,
      changes: { address: sender.address, kind: sender.kind },
    });
    return { id };
  });
}
