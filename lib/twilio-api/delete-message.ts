// DELETE .../Messages/{Sid}.json. Twilio deletes a message's record; so do we (its history and
// carrier submissions go with it), but only once the message has reached a final status: a message
// still scheduled, queued, sending or sent would be lost mid-flight (a receipt for it could no longer
// be matched), so it is refused with Twilio's 20009 — cancel a scheduled one first. The deletion is
// in the audit log (who, which message, its status; not its text). A deleted message is no longer
// its contact's last outcome (segments' "last delivery failed"): the one before it is.
import { recordAudit } from "@/lib/audit/record-audit";
import { notFound } from "@/lib/errors";
import type { MessageStatus } from "@/lib/generated/prisma/enums";
import { forgetLastOutcome } from "@/lib/messaging/last-outcome";
import { isFinal } from "@/lib/messaging/status";
import type { OrgContext } from "@/lib/org-context";
import { TWILIO_CODES, TwilioError } from "@/lib/twilio-api/twilio-error";

export async function deleteMessage(ctx: OrgContext, id: string): Promise<void> {
  await ctx.db.$transaction(async (tx) => {
    // FOR UPDATE through the status read: a receipt moving it meanwhile waits, then finds it gone.
    const [message] = await tx.$queryRaw<{ status: MessageStatus; contactId: string | null }[]>`
      SELECT status::text AS status, "contactId" FROM "Message" WHERE id = ${id} AND "orgId" = ${ctx.orgId} FOR UPDATE`;
    if (!message) throw notFound("Message", "id");
    if (!isFinal(message.status)) {
      throw new TwilioError(
        TWILIO_CODES.cannotDelete,
        `Cannot delete this message while it is ${message.status.toLowerCase()}: only delivered, undelivered, failed, received or canceled messages can be deleted`,
        409,
      );
    }
    await tx.message.deleteMany({ where: { id } });
    if (message.contactId) await forgetLastOutcome(tx, ctx.orgId, message.contactId, id);
    await recordAudit(ctx, tx, { action: "message.deleted", targetType: "message", targetId: id, changes: { status: message.status } });
  });
}
