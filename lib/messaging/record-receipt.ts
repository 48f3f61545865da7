// Delivery receipts from carriers. A receipt names the carrier's id of one submitted part. A message
// sent as one part takes the receipt's status; one of several parts follows its parts: delivered when
// every part is, undelivered or failed as soon as one part is. Receipts for ids not yet recorded (a
// receipt can overtake the write of its submit) wait in PendingReceipt and are applied when the
// submission is written. Nothing moves backwards.
import type { CarrierReceipt, ReceiptStatus } from "@/lib/carriers/carrier";
import type { Db } from "@/lib/db/client";
import type { MessageStatus } from "@/lib/generated/prisma/enums";
import { systemSqlTransaction, type SqlClient } from "@/lib/db/sql";
import { applyStatusChanges, type StatusChange } from "@/lib/messaging/message-history";
import { isFinal } from "@/lib/messaging/status";

const RANK: Record<ReceiptStatus, number> = { SENT: 1, DELIVERED: 2, UNDELIVERED: 3, FAILED: 3 };

interface PartRow {
  messageId: string;
  carrierMessageId: string;
  status: MessageStatus | null;
}

const partsOf = (tx: SqlClient, connectionId: string, carrierMessageIds: string[]) =>
  tx.$queryRaw<(PartRow & { parts: number })[]>`
    SELECT "messageId", "carrierMessageId", status::text AS status, parts FROM "MessageSubmission"
    WHERE "connectionId" = ${connectionId} AND "carrierMessageId" = ANY(${carrierMessageIds}::text[])`;

export async function recordReceipts(db: Db, connectionId: string, receipts: CarrierReceipt[]): Promise<void> {
  if (receipts.length === 0) return;
  // The latest word per id within this batch (a carrier may send "sent" then "delivered" together).
  const byId = new Map<string, CarrierReceipt>();
  for (const r of receipts) {
    const seen = byId.get(r.carrierMessageId);
    if (!seen || RANK[r.status] >= RANK[seen.status]) byId.set(r.carrierMessageId, r);
  }
  const parked = await systemSqlTransaction(db, async (tx) => {
    const parts = await partsOf(tx, connectionId, [...byId.keys()]);
    const known = new Set(parts.map((p) => p.carrierMessageId));
    const unmatched = [...byId.values()].filter((r) => !known.has(r.carrierMessageId));
    await holdUnmatched(tx, connectionId, unmatched);
    await applyToParts(tx, connectionId, parts, byId);
    return unmatched.map((r) => r.carrierMessageId);
  });
  await recheckPending(db, connectionId, parked);
}

/**
 * The rendezvous of a receipt and its submission, each written in its own transaction: each side
 * looks for the other once more after its own commit. Whichever commits second then sees the other,
 * so a receipt parked while its submission was being written is never stranded; the DELETE in
 * applyPendingReceipts makes sure only one side applies it.
 */
export async function recheckPending(db: Db, connectionId: string, carrierMessageIds: string[]): Promise<void> {
  if (carrierMessageIds.length === 0) return;
  await systemSqlTransaction(db, (tx) => applyPendingReceipts(tx, connectionId, carrierMessageIds));
}

/** Applies receipts that waited for their submission; called when submissions are written. */
export async function applyPendingReceipts(tx: SqlClient, connectionId: string, carrierMessageIds: string[]): Promise<void> {
  if (carrierMessageIds.length === 0) return;
  const pending = await tx.$queryRaw<(CarrierReceipt & { status: ReceiptStatus })[]>`
    DELETE FROM "PendingReceipt" p WHERE p."connectionId" = ${connectionId} AND p."carrierMessageId" = ANY(${carrierMessageIds}::text[])
      AND EXISTS (SELECT 1 FROM "MessageSubmission" s WHERE s."connectionId" = p."connectionId" AND s."carrierMessageId" = p."carrierMessageId")
    RETURNING "carrierMessageId", status::text AS status, "errorCode", "errorMessage", "occurredAt"`;
  if (pending.length === 0) return;
  const parts = await partsOf(tx, connectionId, pending.map((p) => p.carrierMessageId));
  await applyToParts(tx, connectionId, parts, new Map(pending.map((p) => [p.carrierMessageId, p])));
}

async function holdUnmatched(tx: SqlClient, connectionId: string, receipts: CarrierReceipt[]) {
  if (receipts.length === 0) return;
  await tx.$queryRaw`
    INSERT INTO "PendingReceipt" ("connectionId", "carrierMessageId", status, "errorCode", "errorMessage", "occurredAt")
    SELECT ${connectionId}, u.id, u.status::"MessageStatus", u.code, u.text, u.at::timestamp
    FROM unnest(${receipts.map((r) => r.carrierMessageId)}::text[], ${receipts.map((r) => r.status)}::text[],
                ${receipts.map((r) => r.errorCode ?? null)}::text[], ${receipts.map((r) => r.errorMessage ?? null)}::text[],
                ${receipts.map((r) => r.occurredAt.toISOString())}::text[]) AS u(id, status, code, text, at)
    ON CONFLICT ("connectionId", "carrierMessageId") DO UPDATE SET
      status = EXCLUDED.status, "errorCode" = EXCLUDED."errorCode", "errorMessage" = EXCLUDED."errorMessage", "occurredAt" = EXCLUDED."occurredAt"
      WHERE "PendingReceipt".status IN ('SENT')`;
}

async function applyToParts(tx: SqlClient, connectionId: string, parts: (PartRow & { parts: number })[], receipts: Map<string, CarrierReceipt>) {
  const changes = new Map<MessageStatus, StatusChange[]>();
  const change = (messageId: string, to: MessageStatus, receipt?: CarrierReceipt) => {
    const list = changes.get(to) ?? changes.set(to, []).get(to)!;
    list.push({ messageId, to, errorCode: receipt?.errorCode, errorMessage: receipt?.errorMessage });
  };
  // A message of one part: the receipt is its status (the move itself never goes backwards).
  for (const part of parts) {
    if (part.parts !== 1) continue;
    const receipt = receipts.get(part.carrierMessageId)!;
    change(part.messageId, receipt.status, receipt);
  }
  const several = parts.filter((p) => p.parts !== 1).map((p) => p.carrierMessageId);
  if (several.length > 0) await applyToSeveralParts(tx, connectionId, several, receipts, change);
  for (const [to, list] of changes) await applyStatusChanges(tx, to, list, "carrier");
}

/**
 * Parts of messages of several parts keep their own outcomes, and the message's follows from all of
 * them; the parts are locked first, so receipts for two parts of one message see each other's.
 */
async function applyToSeveralParts(
  tx: SqlClient,
  connectionId: string,
  carrierMessageIds: string[],
  receipts: Map<string, CarrierReceipt>,
  change: (messageId: string, to: MessageStatus, receipt?: CarrierReceipt) => void,
) {
  const parts = await tx.$queryRaw<PartRow[]>`
    SELECT "messageId", "carrierMessageId", status::text AS status FROM "MessageSubmission"
    WHERE "connectionId" = ${connectionId} AND "carrierMessageId" = ANY(${carrierMessageIds}::text[])
    ORDER BY "messageId", part FOR UPDATE`;
  const updated: PartRow[] = [];
  for (const part of parts) {
    const receipt = receipts.get(part.carrierMessageId)!;
    const current = part.status && part.status in RANK ? RANK[part.status as ReceiptStatus] : 0;
    if (RANK[receipt.status] <= current || (part.status && isFinal(part.status))) continue;
    updated.push({ ...part, status: receipt.status });
  }
  if (updated.length === 0) return;
  await tx.$queryRaw`
    UPDATE "MessageSubmission" s SET status = u.status::"MessageStatus", "errorCode" = u.code
    FROM unnest(${updated.map((p) => p.carrierMessageId)}::text[], ${updated.map((p) => p.status)}::text[],
                ${updated.map((p) => receipts.get(p.carrierMessageId)!.errorCode ?? null)}::text[]) AS u(id, status, code)
    WHERE s."connectionId" = ${connectionId} AND s."carrierMessageId" = u.id`;

  // Each touched message's status from all of its parts.
  const messageIds = [...new Set(updated.map((p) => p.messageId))];
  const allParts = await tx.$queryRaw<PartRow[]>`
    SELECT "messageId", "carrierMessageId", status::text AS status FROM "MessageSubmission" WHERE "messageId" = ANY(${messageIds}::text[])`;
  const byMessage = new Map<string, PartRow[]>();
  for (const p of allParts) {
    const own = byMessage.get(p.messageId);
    if (own) own.push(p);
    else byMessage.set(p.messageId, [p]);
  }

  for (const [messageId, own] of byMessage) {
    const outcome = messageOutcome(own);
    if (!outcome) continue;
    const receipt = receipts.get(own.find((p) => p.status === outcome.status && receipts.has(p.carrierMessageId))?.carrierMessageId ?? "");
    change(messageId, outcome.status, receipt);
  }
}

/** What a message's parts say about it, or null while they say nothing new. */
function messageOutcome(parts: PartRow[]): { status: MessageStatus } | null {
  if (parts.some((p) => p.status === "FAILED")) return { status: "FAILED" };
  if (parts.some((p) => p.status === "UNDELIVERED")) return { status: "UNDELIVERED" };
  if (parts.every((p) => p.status === "DELIVERED")) return { status: "DELIVERED" };
  if (parts.some((p) => p.status)) return { status: "SENT" };
  return null;
}
