// A conversation of the org by id, or the error naming the field.
import { notFound } from "@/lib/errors";
import type { OrgContext } from "@/lib/org-context";

export async function findConversation(ctx: OrgContext, id: string) {
  const conversation = await ctx.db.conversation.findUnique({ where: { id } });
  if (!conversation) throw notFound("Conversation", "id");
  return conversation;
}
