// Round-robin with a cap (Chatwoot's and Front's load balancing): an open conversation nobody has
// goes to the chosen teammate (InboxAssignee) with the fewest open conversations under their cap,
// the one assigned longest ago first among equals. The org's chosen teammates' rows are locked for
// the choice, so two texts routed at once cannot both take the last place under one cap.
import type { SqlClient } from "@/lib/db/sql";

export async function autoAssign(tx: SqlClient, orgId: string, conversationId: string): Promise<string | null> {
  const chosen = await tx.$queryRaw<{ userId: string }[]>`
    SELECT "userId" FROM "InboxAssignee" WHERE "orgId" = ${orgId} ORDER BY "userId" FOR UPDATE`;
  if (chosen.length === 0) return null;
  const [pick] = await tx.$queryRaw<{ userId: string }[]>`
    SELECT a."userId"
    FROM "InboxAssignee" a
    JOIN "Membership" m ON m."orgId" = a."orgId" AND m."userId" = a."userId"
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS open FROM "Conversation" c
      WHERE c."orgId" = a."orgId" AND c."assigneeId" = a."userId" AND c.status = 'OPEN'
    ) o
    WHERE a."orgId" = ${orgId} AND o.open < a.cap
    ORDER BY o.open, a."lastAssignedAt" NULLS FIRST, a."userId"
    LIMIT 1`;
  if (!pick) return null;
  await tx.$executeRaw`
    UPDATE "InboxAssignee" SET "lastAssignedAt" = clock_timestamp() AT TIME ZONE 'UTC' WHERE "orgId" = ${orgId} AND "userId" = ${pick.userId}`;
  await tx.$executeRaw`
    UPDATE "Conversation" SET "assigneeId" = ${pick.userId}, "updatedAt" = now() AT TIME ZONE 'UTC' WHERE "orgId" = ${orgId} AND id = ${conversationId}`;
  return pick.userId;
}
