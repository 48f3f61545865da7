// Snoozes that are due: the conversations snoozed until a time now past open again. Across orgs (a
// job's sweep, lib/jobs/wake-snoozed-conversations.ts); returns what woke, per org, for the events.
import type { SystemSqlClient } from "@/lib/db/sql";

export async function wakeSnoozed(sql: SystemSqlClient, now: Date = new Date()): Promise<{ orgId: string; id: string }[]> {
  return sql.$queryRaw<{ orgId: string; id: string }[]>`
    UPDATE "Conversation" SET status = 'OPEN', "snoozedUntil" = NULL, "updatedAt" = now() AT TIME ZONE 'UTC'
    WHERE status = 'SNOOZED' AND "snoozedUntil" <= ${now.toISOString()}::timestamp
    RETURNING "orgId", id`;
}
