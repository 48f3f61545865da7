// The safety net under the event-driven pipeline, run every minute: scheduled messages whose wake-up
// event was lost are queued, senders with due queued messages get a dispatch request (their event
// may have been lost after the messages were committed), messages stranded in `sending` by a crash
// between claim and carrier answer are failed (resubmitting could send them twice), receipts whose
// submission has appeared are applied, and receipts that never found their message are dropped after a week.
import type { Db } from "@/lib/db/client";
import { systemSql, systemSqlTransaction } from "@/lib/db/sql";
import { applyStatusChanges } from "@/lib/messaging/message-history";
import { queueDueScheduled } from "@/lib/messaging/queue-scheduled";
import { recheckPending } from "@/lib/messaging/record-receipt";

export const STRANDED_AFTER_MS = 10 * 60_000;
const PENDING_RECEIPT_DAYS = 7;

export interface SweepResult {
  queued: number;
  stranded: number;
  appliedReceipts: number;
  droppedReceipts: number;
  /** Senders that have due queued messages: the caller requests a dispatch for each. */
  senders: { senderId: string; orgId: string }[];
}

export async function sweepMessages(db: Db, now = new Date()): Promise<SweepResult> {
  const queued = await queueDueScheduled(db, undefined, now);

  const stuck = await db.message.findMany({
    where: { status: "SENDING", updatedAt: { lt: new Date(now.getTime() - STRANDED_AFTER_MS) } },
    select: { id: true },
    take: 10_000,
  });
  // In a transaction: the moves and what they owe webhooks and StatusCallbacks are written together.
  const stranded = await systemSqlTransaction(db, (tx) =>
    applyStatusChanges(
      tx,
      "FAILED",
      stuck.map((m) => ({
        messageId: m.id,
        to: "FAILED",
        errorCode: "submit_outcome_unknown",
        errorMessage: "The dispatcher stopped while submitting this message; it was not resubmitted so it cannot be sent twice",
      })),
      "system",
      { at: now },
    ),
  );

  // A pending receipt whose submission exists now (the rechecks in record-receipt.ts make this rare).
  const late = await systemSql(db).$queryRaw<{ connectionId: string; carrierMessageId: string }[]>`
    SELECT p."connectionId", p."carrierMessageId" FROM "PendingReceipt" p
    WHERE EXISTS (SELECT 1 FROM "MessageSubmission" s WHERE s."connectionId" = p."connectionId" AND s."carrierMessageId" = p."carrierMessageId")
    LIMIT 10000`;
  for (const connectionId of new Set(late.map((r) => r.connectionId))) {
    const ids = late.filter((r) => r.connectionId === connectionId).map((r) => r.carrierMessageId);
    await recheckPending(db, connectionId, ids);
  }

  const { count: droppedReceipts } = await db.pendingReceipt.deleteMany({
    where: { receivedAt: { lt: new Date(now.getTime() - PENDING_RECEIPT_DAYS * 86_400_000) } },
  });

  const senders = await systemSql(db).$queryRaw<{ senderId: string; orgId: string }[]>`
    SELECT s.id AS "senderId", s."orgId" FROM "SenderNumber" s
    WHERE EXISTS (SELECT 1 FROM "Message" m WHERE m."senderId" = s.id AND m.status = 'QUEUED'
                  AND (m."nextAttemptAt" IS NULL OR m."nextAttemptAt" <= ${now.toISOString()}::timestamp))`;
  return { queued, stranded: stranded.length, appliedReceipts: late.length, droppedReceipts, senders };
}
