// Each contact's last delivery outcome, kept in ContactLastOutcome for the segment rule "last
// delivery failed" (lib/segments/compile-engagement.ts), which derived from every message took
// 1.3 s at 4M outbound messages.
//
// What "last" means: of the contact's outbound messages that have an outcome (sent, delivered,
// undelivered, failed; queued, scheduled and canceled ones have none), the newest by id (ids are
// time-ordered: the one created last), and its status now. A message only moves between outcomes
// forwards (sent → delivered...), so the row is written with every move to an outcome of a message
// at least as new as the one it holds: a late receipt of an older message changes nothing, a later
// receipt of the same message (sent → undelivered) does. Equal to deriving it from the messages at
// any time, which the backfill (migration 20261214000200) and rebuildLastOutcomes do.
//
// Written in applyStatusChanges' own statement (lastOutcomeWrite), rows in contact order so two
// statements writing the same contacts wait for each other instead of deadlocking. Two
// transactions that each write in two statements (a round's sent then failed, a receipt batch's
// delivered then undelivered) could still cross on two contacts texted in both: PostgreSQL then
// aborts one, which is retried as any failed round or receipt batch is.
import type { SqlClient } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import type { MessageStatus } from "@/lib/generated/prisma/enums";

const OUTCOMES = new Set<MessageStatus>(["SENT", "DELIVERED", "UNDELIVERED", "FAILED"]);
const OUTCOMES_SQL = Prisma.sql`('SENT', 'DELIVERED', 'UNDELIVERED', 'FAILED')`;

/**
 * The CTE of applyStatusChanges' statement that records moves to `to` as their contacts' last
 * outcome; empty for a move to a status that is no outcome. Reads `moved`, which must return the
 * message's id, "orgId", "contactId", direction and (new) "errorCode".
 */
export function lastOutcomeWrite(to: MessageStatus): Prisma.Sql {
  if (!OUTCOMES.has(to)) return Prisma.empty;
  return Prisma.sql`, last_outcome AS (
    INSERT INTO "ContactLastOutcome" AS o ("contactId", "orgId", "messageId", status, "errorCode")
    SELECT DISTINCT ON ("contactId") "contactId", "orgId", id, ${to}::"MessageStatus", "errorCode" FROM moved
    WHERE direction = 'OUTBOUND' AND "contactId" IS NOT NULL
    ORDER BY "contactId", id DESC
    ON CONFLICT ("contactId") DO UPDATE SET "messageId" = excluded."messageId", status = excluded.status, "errorCode" = excluded."errorCode"
    WHERE o."messageId" <= excluded."messageId"
  )`;
}

/**
 * Sets the last outcome of the org's contacts (or of `contactIds` only) from their messages, for
 * history written other than through applyStatusChanges (the demo seed, the benchmark's fill) and
 * after a message is deleted. Returns the rows written.
 */
export async function rebuildLastOutcomes(db: SqlClient, orgId: string, contactIds?: readonly string[]): Promise<number> {
  const only = contactIds ? Prisma.sql`AND "contactId" = ANY(${contactIds}::text[])` : Prisma.empty;
  return db.$executeRaw`
    INSERT INTO "ContactLastOutcome" ("contactId", "orgId", "messageId", status, "errorCode")
    SELECT DISTINCT ON ("contactId") "contactId", "orgId", id, status, "errorCode" FROM "Message"
    WHERE "orgId" = ${orgId} AND direction = 'OUTBOUND' AND status IN ${OUTCOMES_SQL} AND "contactId" IS NOT NULL ${only}
    ORDER BY "contactId", id DESC
    ON CONFLICT ("contactId") DO UPDATE SET "messageId" = excluded."messageId", status = excluded.status, "errorCode" = excluded."errorCode"`;
}

/**
 * After `messageId` (of `contactId`) was deleted: if it was the contact's last outcome, the one
 * before it takes its place (none if it was the only one). In the deleting transaction.
 */
export async function forgetLastOutcome(db: SqlClient, orgId: string, contactId: string, messageId: string): Promise<void> {
  const gone = await db.$executeRaw`
    DELETE FROM "ContactLastOutcome" WHERE "contactId" = ${contactId} AND "orgId" = ${orgId} AND "messageId" = ${messageId}`;
  if (gone > 0) await rebuildLastOutcomes(db, orgId, [contactId]);
}
