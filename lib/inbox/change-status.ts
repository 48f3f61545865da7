// Close, reopen, or snooze a conversation (until a time, and the contact's next text; or until
// that text only), audited. A snooze's time must be ahead: a past one would wake at once.
import { recordAudit } from "@/lib/audit/record-audit";
import { conversationUpdated } from "@/lib/conversations/conversation-events";
import { setConversationStatus } from "@/lib/conversations/open-conversation";
import { DomainError, notFound } from "@/lib/errors";
import { changeStatusInput, type ChangeStatusInput } from "@/lib/inbox/inbox-input";
import type { OrgContext } from "@/lib/org-context";

const ACTIONS = { OPEN: "conversation.reopened", CLOSED: "conversation.closed", SNOOZED: "conversation.snoozed" } as const;

export async function changeConversationStatus(ctx: OrgContext, raw: ChangeStatusInput) {
  const input = changeStatusInput.parse(raw);
  const until = input.status === "SNOOZED" ? input.until : null;
  if (until && until.getTime() <= Date.now()) throw new DomainError("BAD_REQUEST", "Snooze until a time in the future", "until");
  return ctx.db.$transaction(async (tx) => {
    const before = await setConversationStatus(tx, ctx.orgId, input.id, input.status, until);
    if (!before) throw notFound("Conversation", "id");
    await recordAudit(ctx, tx, {
      action: ACTIONS[input.status],
      targetType: "conversation",
      targetId: input.id,
      changes: { status: { from: before, to: input.status }, ...(until && { until: until.toISOString() }) },
    });
    const conversation = await tx.conversation.findUniqueOrThrow({ where: { id: input.id } });
    await conversationUpdated(tx, ctx.orgId, [conversation]);
    return conversation;
  });
}
