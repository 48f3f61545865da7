// A virtual phone texts one of the org's simulator senders. The text goes through receiveMessage,
// exactly as one from a real phone arriving by carrier, so STOP, START and HELP typed on the Phones
// page change consent and get the org's replies like the real thing.
import { recordAudit } from "@/lib/audit/record-audit";
import { orgDefaultCountry } from "@/lib/contacts/prepare-contact";
import type { Db } from "@/lib/db/client";
import { DomainError, notFound } from "@/lib/errors";
import { phoneReplyInput, type PhoneReplyInput } from "@/lib/simulator/phone-input";
import { receiveMessage } from "@/lib/messaging/receive-message";
import type { OrgContext } from "@/lib/org-context";
import { normalizePhone } from "@/lib/sms/phone";

/** `db` is the unscoped client receiveMessage works with: it finds the org from the connection. */
export async function replyFromPhone(ctx: OrgContext, db: Db, raw: PhoneReplyInput) {
  const input = phoneReplyInput.parse(raw);
  const sender = await ctx.db.senderNumber.findUnique({
    where: { id: input.senderId },
    select: { id: true, address: true, kind: true, connectionId: true, connection: { select: { kind: true } } },
  });
  if (!sender) throw notFound("Sender", "senderId");
  if (sender.connection.kind !== "SIMULATOR") {
    throw new DomainError("BAD_REQUEST", `${sender.address} sends through a real carrier: only simulator senders have virtual phones`, "senderId");
  }
  if (sender.kind === "ALPHANUMERIC") {
    throw new DomainError("BAD_REQUEST", `Phones cannot reply to the alphanumeric sender ID ${sender.address}`, "senderId");
  }
  const phone = normalizePhone(input.phone, await orgDefaultCountry(ctx));
  if (!phone.ok) throw new DomainError("BAD_REQUEST", phone.message, "phone");
  const { message } = await receiveMessage(db, sender.connectionId, {
    from: phone.e164,
    to: sender.address,
    body: input.body,
    media: [],
    receivedAt: new Date(),
  });
  // After the fact, not in receiveMessage's transaction: that one is the carrier path's, shared with
  // real phones; this row only says which member typed on the simulator.
  await recordAudit(ctx, ctx.db, {
    action: "virtual_phone.texted",
    targetType: "message",
    targetId: message.id,
    changes: { from: phone.e164, to: sender.address },
  });
  return message;
}
