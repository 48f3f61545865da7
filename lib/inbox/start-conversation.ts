// A teammate starts a conversation with any contact (from the inbox or the contact's page): theirs
// is found, or made open; audited when made.
import { recordAudit } from "@/lib/audit/record-audit";
import { conversationUpdated } from "@/lib/conversations/conversation-events";
import { ensureConversation } from "@/lib/conversations/open-conversation";
import { notFound } from "@/lib/errors";
import { startConversationInput } from "@/lib/inbox/inbox-input";
import type { OrgContext } from "@/lib/org-context";
import type { z } from "zod";

export async function startConversation(ctx: OrgContext, raw: z.input<typeof startConversationInput>) {
  const input = startConversationInput.parse(raw);
  return ctx.db.$transaction(async (tx) => {
    const contact = await tx.contact.findUnique({ where: { id: input.contactId }, select: { id: true } });
    if (!contact) throw notFound("Contact", "contactId");
    const { id, created } = await ensureConversation(tx, ctx.orgId, contact.id);
    if (created) {
      await recordAudit(ctx, tx, { action: "conversation.started", targetType: "conversation", targetId: id, changes: { contactId: contact.id } });
      await conversationUpdated(tx, ctx.orgId, [{ id, contactId: contact.id }]);
    }
    return { id, created };
  });
}
