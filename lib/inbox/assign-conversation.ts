// Gives a conversation to a member of the org (or to nobody), audited.
import { recordAudit } from "@/lib/audit/record-audit";
import { conversationUpdated } from "@/lib/conversations/conversation-events";
import { DomainError } from "@/lib/errors";
import { assignInput } from "@/lib/inbox/inbox-input";
import { findConversation } from "@/lib/inbox/find-conversation";
import type { OrgContext } from "@/lib/org-context";
import type { z } from "zod";

export async function assignConversation(ctx: OrgContext, raw: z.input<typeof assignInput>) {
  const input = assignInput.parse(raw);
  const conversation = await findConversation(ctx, input.id);
  if (input.userId !== null) {
    const member = await ctx.db.membership.findFirst({ where: { userId: input.userId } });
    if (!member) throw new DomainError("BAD_REQUEST", "The assignee must be a member of this organisation", "userId");
  }
  if (conversation.assigneeId === input.userId) return conversation;
  return ctx.db.$transaction(async (tx) => {
    const updated = await tx.conversation.update({ where: { id: conversation.id }, data: { assigneeId: input.userId } });
    await recordAudit(ctx, tx, {
      action: "conversation.assigned",
      targetType: "conversation",
      targetId: conversation.id,
      changes: { assigneeId: { from: conversation.assigneeId, to: input.userId } },
    });
    await conversationUpdated(tx, ctx.orgId, [conversation]);
    return updated;
  });
}
