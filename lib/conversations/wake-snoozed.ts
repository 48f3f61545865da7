// Snoozes that are due: the conversations snoozed until a time now past open again, across orgs (a
// job's sweep, lib/jobs/wake-snoozed-conversations.ts), each org's open views told in the same
// transaction. Returns what woke.
import { conversationUpdated } from "@/lib/conversations/conversation-events";
import type { SystemSqlClient } from "@/lib/db/sql";

export async function wakeSnoozed(tx: SystemSqlClient, now: Date = new Date()): Promise<{ orgId: string; id: string }[]> {
  const woken = await tx.$queryRaw<{ orgId: string; id: string; contactId: string }[]>`
    UPDATE "Conversation" SET status = 'OPEN', "snoozedUntil" = NULL, "updatedAt" = now() AT TIME ZONE 'UTC'
    WHERE status = 'SNOOZED' AND "snoozedUntil" <= ${now.toISOString()}::timestamp
    RETURNING "orgId", id, "contactId"`;
  for (const orgId of new Set(woken.map((c) => c.orgId))) {
    await conversationUpdated(tx, orgId, woken.filter((c) => c.orgId === orgId));
  }
  return woken.map(({ orgId, id }) => ({ orgId, id }));
}
