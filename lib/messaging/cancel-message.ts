// Cancels a scheduled message before its send time. Like Twilio, only SCHEDULED messages: a queued
// one may already be in the dispatcher's hands. The move is made like every other status move
// (applyStatusChanges: the status rules, the history row, what the move owes the outside world),
// narrowed to messages still SCHEDULED in the same statement, so a cancel racing the scheduler
// either wins or finds the message queued and says so; never both.
import { recordAudit } from "@/lib/audit/record-audit";
import { DomainError, notFound } from "@/lib/errors";
import type { MessageStatus } from "@/lib/generated/prisma/enums";
import { applyStatusChanges } from "@/lib/messaging/message-history";
import { messageIdInput, type MessageIdInput } from "@/lib/messaging/message-list-input";
import type { OrgContext } from "@/lib/org-context";

const notCancelable = (status: MessageStatus) =>
  new DomainError("CONFLICT", `Only scheduled messages can be canceled; this one is ${status.toLowerCase()}`, "id", "message_not_cancelable");

export async function cancelMessage(ctx: OrgContext, raw: MessageIdInput, source: "ui" | "api") {
  const { id } = messageIdInput.parse(raw);
  return ctx.db.$transaction(async (tx) => {
    // Through the scoped client first, for the answer; the move below is limited to the org as well.
    const message = await tx.message.findUnique({ where: { id }, select: { status: true } });
    if (!message) throw notFound("Message", "id");
    if (message.status !== "SCHEDULED") throw notCancelable(message.status);

    const moved = await applyStatusChanges(tx, "CANCELED", [{ messageId: id, to: "CANCELED" }], source, { from: ["SCHEDULED"], orgId: ctx.orgId });
    if (moved.length === 0) {
      // The scheduler queued it (or another cancel won) between the read and the move.
      const current = await tx.message.findUniqueOrThrow({ where: { id }, select: { status: true } });
      throw notCancelable(current.status);
    }
    await recordAudit(ctx, tx, {
      action: "message.canceled",
      targetType: "message",
      targetId: id,
      changes: { status: { from: "SCHEDULED", to: "CANCELED" } },
    });
    return tx.message.findUniqueOrThrow({ where: { id } });
  });
}
