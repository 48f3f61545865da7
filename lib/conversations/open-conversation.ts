// The conversation primitives beside the routing, for a teammate starting one and for keyword rules
// (open or close a contact's conversation): in the caller's transaction, bound to the org.
import type { SqlClient } from "@/lib/db/sql";
import { newId } from "@/lib/ids";

export type ConversationStatus = "OPEN" | "SNOOZED" | "CLOSED";

/** The contact's conversation, made (open, with no activity yet but now) when they have none. */
export async function ensureConversation(tx: SqlClient, orgId: string, contactId: string): Promise<{ id: string; created: boolean }> {
  const [row] = await tx.$queryRaw<{ id: string; created: boolean }[]>`
    INSERT INTO "Conversation" AS c (id, "orgId", "contactId", status, "lastMessageAt", "updatedAt")
    VALUES (${newId("conversation")}, ${orgId}, ${contactId}, 'OPEN', now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
    ON CONFLICT ("contactId") DO UPDATE SET "updatedAt" = c."updatedAt"
    RETURNING c.id, (xmax = 0) AS created`;
  return row!;
}

/**
 * Moves a conversation to `status` (a snooze with its wake time, null: until the next text); returns
 * the status it had, or null when the org has no such conversation.
 */
export async function setConversationStatus(
  tx: SqlClient,
  orgId: string,
  conversationId: string,
  status: ConversationStatus,
  snoozedUntil: Date | null = null,
): Promise<ConversationStatus | null> {
  const until = status === "SNOOZED" && snoozedUntil ? snoozedUntil.toISOString() : null;
  const [row] = await tx.$queryRaw<{ before: ConversationStatus }[]>`
    UPDATE "Conversation" c SET status = ${status}::"ConversationStatus", "snoozedUntil" = ${until}::timestamp,
      "waitingSince" = CASE WHEN ${status} = 'CLOSED' THEN NULL ELSE c."waitingSince" END,
      "updatedAt" = now() AT TIME ZONE 'UTC'
    FROM (SELECT id, status::text AS before FROM "Conversation" WHERE id = ${conversationId} AND "orgId" = ${orgId} FOR UPDATE) old
    WHERE c.id = old.id
    RETURNING old.before`;
  return row?.before ?? null;
}
