// A teammate's reply in a conversation: the compose box's send (sendFromUi: the pipeline's rules, a
// marketing text to an opted-out contact refused with the reason, the audit row naming the member),
// from the number the contact last texted unless another is chosen, to the contact. It waits
// `undoSeconds` as a scheduled send, so undoReply can cancel it. Then the conversation: newest
// activity, no longer waiting, and the replier's when nobody had it.
import { conversationUpdated } from "@/lib/conversations/conversation-events";
import { orgSqlTransaction } from "@/lib/db/sql";
import { cancelMessage } from "@/lib/messaging/cancel-message";
import { sendFromUi } from "@/lib/messaging/send-from-ui";
import { findConversation } from "@/lib/inbox/find-conversation";
import { replyInput, undoReplyInput, type ReplyInput } from "@/lib/inbox/inbox-input";
import { DomainError } from "@/lib/errors";
import type { OrgContext } from "@/lib/org-context";
import type { z } from "zod";

export async function reply(ctx: OrgContext, raw: ReplyInput) {
  const input = replyInput.parse(raw);
  const conversation = await findConversation(ctx, input.id);
  const contact = await ctx.db.contact.findUniqueOrThrow({ where: { id: conversation.contactId }, select: { phone: true } });
  const message = await sendFromUi(ctx, {
    to: contact.phone,
    from: input.from ?? conversation.senderId ?? undefined,
    body: input.body,
    mediaIds: input.mediaIds,
    marketing: input.marketing,
    smartEncoding: input.smartEncoding,
    shortenLinks: input.shortenLinks,
    ...(input.undoSeconds > 0 && { sendAt: new Date(Date.now() + input.undoSeconds * 1000) }),
  });
  const me = ctx.actor.type === "USER" ? ctx.actor.id : null;
  await orgSqlTransaction(ctx, async (tx) => {
    await tx.$executeRaw`
    UPDATE "Conversation" SET "lastMessageAt" = GREATEST("lastMessageAt", ${message.createdAt.toISOString()}::timestamp),
      "lastMessageId" = ${message.id}, "waitingSince" = NULL, "assigneeId" = COALESCE("assigneeId", ${me}), "updatedAt" = now() AT TIME ZONE 'UTC'
    WHERE id = ${conversation.id} AND "orgId" = ${ctx.orgId}`;
    await conversationUpdated(tx, ctx.orgId, [conversation]);
  });
  return message;
}

/**
 * Takes back a reply still waiting (cancelMessage: only while SCHEDULED). The conversation waits
 * again since the contact's first text after the last reply that stands.
 */
export async function undoReply(ctx: OrgContext, raw: z.input<typeof undoReplyInput>) {
  const input = undoReplyInput.parse(raw);
  const conversation = await findConversation(ctx, input.id);
  const message = await ctx.db.message.findUnique({ where: { id: input.messageId }, select: { contactId: true } });
  if (!message || message.contactId !== conversation.contactId) throw new DomainError("NOT_FOUND", "Message not found in this conversation", "messageId");
  const canceled = await cancelMessage(ctx, { id: input.messageId }, "ui");
  await orgSqlTransaction(ctx, async (tx) => {
    await tx.$executeRaw`
    UPDATE "Conversation" c SET "waitingSince" = (
      SELECT min(COALESCE(i."receivedAt", i."createdAt")) FROM "Message" i
      WHERE i."orgId" = c."orgId" AND i."contactId" = c."contactId" AND i.direction = 'INBOUND'
        AND i.id > COALESCE((SELECT max(o.id) FROM "Message" o WHERE o."orgId" = c."orgId" AND o."contactId" = c."contactId"
          AND o.direction = 'OUTBOUND' AND o.source = 'ui' AND o.status <> 'CANCELED'), '')
    ), "updatedAt" = now() AT TIME ZONE 'UTC'
    WHERE c.id = ${conversation.id} AND c."orgId" = ${ctx.orgId}`;
    await conversationUpdated(tx, ctx.orgId, [conversation]);
  });
  return canceled;
}
