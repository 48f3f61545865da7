// Cancels a scheduled message before its send time. Like Twilio, only SCHEDULED messages: a queued
// one may already be in the dispatcher's hands. The move is checked against the status rules and
// made only while the message is still SCHEDULED (a conditional update), so a cancel racing the
// scheduler either wins or finds the message queued and says so; never both.
import { recordAudit } from "@/lib/audit/record-audit";
import { DomainError, notFound } from "@/lib/errors";
import type { MessageStatus } from "@/lib/generated/prisma/enums";
import { newId } from "@/lib/ids";
import { messageIdInput, type MessageIdInput } from "@/lib/messaging/message-list-input";
import { canTransition } from "@/lib/messaging/status";
import type { OrgContext } from "@/lib/org-context";

const notCancelable = (status: MessageStatus) =>
  new DomainError("CONFLICT", `Only scheduled messages can be canceled; this one is ${status.toLowerCase()}`, "id", "message_not_cancelable");

export async function cancelMessage(ctx: OrgContext, raw: MessageIdInput, source: "ui" | "api") {
  const { id } = messageIdInput.parse(raw);
  return ctx.db.$transaction(async (tx) => {
    const message = await tx.message.findUnique({ where: { id }, select: { status: true } });
    if (!message) throw notFound("Message", "id");
    if (message.status !== "SCHEDULED" || !canTransition(message.status, "CANCELED")) throw notCancelable(message.status);

    const now = new Date();
    const moved = await tx.message.updateMany({
      where: { id, status: "SCHEDULED" },
      data: { status: "CANCELED", nextAttemptAt: null, secretBody: null, updatedAt: now },
    });
    if (moved.count === 0) {
      // The scheduler queued it between the read and the update.
      const current = await tx.message.findUniqueOrThrow({ where: { id }, select: { status: true } });
      throw notCancelable(current.status);
    }
    await tx.messageEvent.create({
      data: { id: newId("messageEvent", now), orgId: ctx.orgId, messageId: id, status: "CANCELED", source, occurredAt: now },
    });
    await recordAudit(ctx, tx, {
      action: "message.canceled",
      targetType: "message",
      targetId: id,
      changes: { status: { from: "SCHEDULED", to: "CANCELED" } },
    });
    return tx.message.findUniqueOrThrow({ where: { id } });
  });
}
