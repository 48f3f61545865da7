// Scheduled messages whose time has come become queued (with a history row and their message.queued
// webhooks, in one transaction), for one sender or all.
import type { Db } from "@/lib/db/client";
import { systemSqlTransaction } from "@/lib/db/sql";
import { applyStatusChanges } from "@/lib/messaging/message-history";

export async function queueDueScheduled(db: Db, senderId?: string, now = new Date()): Promise<number> {
  const due = await db.message.findMany({
    where: { status: "SCHEDULED", sendAt: { lte: now }, ...(senderId && { senderId }) },
    select: { id: true },
    take: 50_000,
  });
  const moved = await systemSqlTransaction(db, (tx) =>
    applyStatusChanges(tx, "QUEUED", due.map((m) => ({ messageId: m.id, to: "QUEUED" })), "scheduler", { at: now }),
  );
  return moved.length;
}
