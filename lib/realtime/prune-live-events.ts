// Live events are kept an hour: long enough for a browser or a process to catch up after a gap
// (lib/realtime/live-cursor.ts); one resuming from an older event is told to read afresh.
import type { Db } from "@/lib/db/client";
import { systemSql } from "@/lib/db/sql";

export const LIVE_EVENTS_KEPT = "1 hour";

export async function pruneLiveEvents(db: Db): Promise<{ deleted: number }> {
  // Every org's, as the other sweepers (systemSql). createdAt is written by the column's default in
  // the session's zone; localtimestamp is in the same.
  const deleted = await systemSql(db).$executeRaw`DELETE FROM "LiveEvent" WHERE "createdAt" < localtimestamp - ${LIVE_EVENTS_KEPT}::interval`;
  return { deleted };
}
