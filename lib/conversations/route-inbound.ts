// A contact's text lands in their conversation, in receiveMessage's transaction (so the unread, the
// reopen and the assignment commit with the message): made on their first text; a closed one
// reopens; a snoozed one wakes (when it wakes on reply); the number they texted becomes the one
// replies go from; "waiting since" keeps the first unanswered text (a STOP, HELP or START is answered
// by the compliance reply, so it makes no one wait, though it shows and reopens). An open conversation nobody has
// is dealt to a teammate (auto-assign.ts). Unread needs no write: a teammate's unread is the last
// inbound time against their read marker. No live event of its own: receiveMessage's
// `message.received`, in the same transaction, tells open inbox views to read afresh.
import type { SqlClient } from "@/lib/db/sql";
import { autoAssign } from "@/lib/conversations/auto-assign";
import { newId } from "@/lib/ids";

export interface InboundRouting {
  orgId: string;
  contactId: string;
  senderId: string;
  messageId: string;
  at: Date;
  /** A compliance keyword (STOP, HELP, START) the system answers itself: nobody is left to reply. */
  answered: boolean;
}

export interface RoutedConversation {
  id: string;
  status: "OPEN" | "SNOOZED" | "CLOSED";
  assigneeId: string | null;
  /** Made by this text. */
  created: boolean;
  /** Closed or snoozed before this text, open now. */
  reopened: boolean;
}

export async function routeInbound(tx: SqlClient, input: InboundRouting): Promise<RoutedConversation> {
  const at = input.at.toISOString();
  const [row] = await tx.$queryRaw<(RoutedConversation & { before: string | null })[]>`
    WITH before AS (SELECT status::text AS status FROM "Conversation" WHERE "contactId" = ${input.contactId} AND "orgId" = ${input.orgId})
    INSERT INTO "Conversation" AS c (id, "orgId", "contactId", status, "senderId", "lastMessageAt", "lastMessageId", "lastInboundAt", "waitingSince", "updatedAt")
    VALUES (${newId("conversation", input.at)}, ${input.orgId}, ${input.contactId}, 'OPEN', ${input.senderId}, ${at}::timestamp, ${input.messageId},
      ${at}::timestamp, ${input.answered ? null : at}::timestamp, now() AT TIME ZONE 'UTC')
    ON CONFLICT ("contactId") DO UPDATE SET
      status = CASE WHEN c.status = 'CLOSED' OR (c.status = 'SNOOZED' AND c."wakeOnReply") THEN 'OPEN' ELSE c.status END,
      "snoozedUntil" = CASE WHEN c.status = 'SNOOZED' AND c."wakeOnReply" THEN NULL ELSE c."snoozedUntil" END,
      "senderId" = excluded."senderId",
      "lastMessageAt" = GREATEST(c."lastMessageAt", excluded."lastMessageAt"),
      "lastMessageId" = CASE WHEN excluded."lastMessageAt" >= c."lastMessageAt" THEN excluded."lastMessageId" ELSE c."lastMessageId" END,
      "lastInboundAt" = GREATEST(c."lastInboundAt", excluded."lastInboundAt"),
      "waitingSince" = COALESCE(c."waitingSince", excluded."waitingSince"),
      "updatedAt" = excluded."updatedAt"
    RETURNING c.id, c.status::text AS status, c."assigneeId", (SELECT status FROM before) AS before`;
  const routed: RoutedConversation = {
    id: row!.id,
    status: row!.status,
    assigneeId: row!.assigneeId,
    created: row!.before === null,
    reopened: row!.before !== null && row!.before !== "OPEN" && row!.status === "OPEN",
  };
  if (routed.status === "OPEN" && routed.assigneeId === null) {
    routed.assigneeId = await autoAssign(tx, input.orgId, routed.id);
  }
  return routed;
}
