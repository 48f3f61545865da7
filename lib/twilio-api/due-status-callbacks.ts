// Messages whose next StatusCallback has been due for a while with no run taking it (for the
// sweeper): its announcement was lost, or the run delivering it died. Only each message's oldest
// callback counts, as only it can go next; one waiting for its retry is not due until its time.
import type { Db } from "@/lib/db/client";
import { systemSql } from "@/lib/db/sql";

/** A request normally starts a run within a second: older than this, it is taken for lost. */
export const LOST_AFTER_MS = 60_000;

export async function messagesWithDueStatusCallbacks(db: Db, now = new Date()): Promise<{ orgId: string; messageId: string }[]> {
  return systemSql(db).$queryRaw<{ orgId: string; messageId: string }[]>`
    SELECT "orgId", "messageId" FROM (
      SELECT DISTINCT ON ("messageId") "orgId", "messageId", COALESCE("nextAttemptAt", "createdAt") AS due
      FROM "TwilioStatusCallback" ORDER BY "messageId", id
    ) first
    WHERE due <= ${new Date(now.getTime() - LOST_AFTER_MS)}
    LIMIT 10000`;
}
