// The viewer has read a conversation up to now: their read marker moves (unread is the contact's
// last text against it, per teammate). Not audited: reading changes nothing of the org's.
import { orgSql } from "@/lib/db/sql";
import { findConversation } from "@/lib/inbox/find-conversation";
import type { OrgContext } from "@/lib/org-context";

export async function markRead(ctx: OrgContext, id: string) {
  const conversation = await findConversation(ctx, id);
  if (!ctx.actor.id || ctx.actor.type !== "USER") return;
  await orgSql(ctx).$executeRaw`
    INSERT INTO "ConversationRead" ("orgId", "conversationId", "userId", "readAt")
    VALUES (${ctx.orgId}, ${conversation.id}, ${ctx.actor.id}, now() AT TIME ZONE 'UTC')
    ON CONFLICT ("conversationId", "userId") DO UPDATE SET "readAt" = excluded."readAt"`;
}
