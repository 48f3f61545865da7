// How many conversations each view holds for the viewer, and their unread (the navigation's badge):
// one pass over the org's conversations that are not closed.
import { orgSql } from "@/lib/db/sql";
import { unread } from "@/lib/inbox/list-conversations";
import type { OrgContext } from "@/lib/org-context";

export interface InboxCounts {
  mine: number;
  unassigned: number;
  all: number;
  unread: number;
  snoozed: number;
}

export async function inboxCounts(ctx: OrgContext): Promise<InboxCounts> {
  const userId = ctx.actor.id;
  const [row] = await orgSql(ctx).$queryRaw<InboxCounts[]>`
    SELECT
      count(*) FILTER (WHERE c.status = 'OPEN' AND c."assigneeId" = ${userId})::int AS mine,
      count(*) FILTER (WHERE c.status = 'OPEN' AND c."assigneeId" IS NULL)::int AS unassigned,
      count(*) FILTER (WHERE c.status = 'OPEN')::int AS "all",
      count(*) FILTER (WHERE ${unread})::int AS unread,
      count(*) FILTER (WHERE c.status = 'SNOOZED')::int AS snoozed
    FROM "Conversation" c
    LEFT JOIN "ConversationRead" r ON r."conversationId" = c.id AND r."userId" = ${userId}
    WHERE c."orgId" = ${ctx.orgId} AND c.status <> 'CLOSED'`;
  return row!;
}
