// Conversations for texts written behind receiveMessage's back (the demo's seeded history): each
// contact who ever texted the org gets the conversation routeInbound would have left, in one
// statement. Its newest activity is the contact's last text or the last reply a person or the API
// sent them (campaigns' texts are not activity, as in the routing); it is open, waiting since the
// first text after that reply, when the contact spoke last, and closed when they were answered.
// A compliance keyword the system answered (a STOP, HELP or START, an opt-out phrase or a YES that
// opted in: matchKeyword's words, or a consent change made by the text) makes no one wait, as in
// the routing.
// Replies go from the number they last texted. A contact who has a conversation keeps it.
import type { SqlClient } from "@/lib/db/sql";
import { ALWAYS_KEYWORDS } from "@/lib/sms/compliance-keywords";

/** Returns how many conversations were made. */
export async function conversationsFromHistory(tx: SqlClient, orgId: string): Promise<number> {
  return tx.$executeRaw`
    WITH inbound AS (
      SELECT DISTINCT ON (m."contactId") m."contactId", m.id, m."createdAt", m."senderId"
      FROM "Message" m
      WHERE m."orgId" = ${orgId} AND m.direction = 'INBOUND' AND m."contactId" IS NOT NULL
      ORDER BY m."contactId", m.id DESC
    ), answered AS (
      SELECT DISTINCT ON (m."contactId") m."contactId", m.id, m."createdAt"
      FROM "Message" m JOIN inbound i ON i."contactId" = m."contactId"
      WHERE m."orgId" = ${orgId} AND m.direction = 'OUTBOUND' AND m.source IN ('ui', 'api')
      ORDER BY m."contactId", m.id DESC
    ), waiting AS MATERIALIZED (
      -- Counted once (a fresh demo database has no statistics yet: inlined, the planner re-ran it
      -- for every contact, 30 s for 3,500 texts).
      SELECT m."contactId", min(m."createdAt") AS since
      FROM "Message" m LEFT JOIN answered a ON a."contactId" = m."contactId"
      WHERE m."orgId" = ${orgId} AND m.direction = 'INBOUND' AND m."contactId" IS NOT NULL AND (a.id IS NULL OR m.id > a.id)
        AND upper(regexp_replace(normalize(m.body, NFKC), '[[:space:].!]+', '', 'g')) <> ALL (${ALWAYS_KEYWORDS}::text[])
        AND NOT EXISTS (SELECT 1 FROM "ConsentEvent" e WHERE e."orgId" = ${orgId} AND e."contactId" = m."contactId" AND e."messageId" = m.id)
      GROUP BY m."contactId"
    )
    INSERT INTO "Conversation" (id, "orgId", "contactId", status, "senderId", "lastMessageAt", "lastMessageId", "lastInboundAt", "waitingSince", "createdAt", "updatedAt")
    -- The id is the last text's time and randomness under the conversation's prefix (lib/ids.ts): unique, as the texts' are.
    SELECT 'cnv_' || substr(i.id, 5), ${orgId}, i."contactId",
           CASE WHEN a.id IS NULL OR i.id > a.id THEN 'OPEN' ELSE 'CLOSED' END::"ConversationStatus",
           i."senderId",
           GREATEST(i."createdAt", a."createdAt"),
           CASE WHEN a.id > i.id THEN a.id ELSE i.id END,
           i."createdAt", w.since, i."createdAt", now() AT TIME ZONE 'UTC'
    FROM inbound i
    LEFT JOIN answered a ON a."contactId" = i."contactId"
    LEFT JOIN waiting w ON w."contactId" = i."contactId"
    ON CONFLICT ("contactId") DO NOTHING`;
}
