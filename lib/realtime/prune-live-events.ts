// Live events are kept an hour: long enough for a browser or a process to catch up after a gap
// (lib/realtime/live-cursor.ts); one resuming from an older event is told to read afresh.
import type { Db } from "@/lib/db/client";

export const LIVE_EVENTS_KEPT = "1 hour";

export async function pruneLiveEvents(db: Db): Promise<{ deleted: number }> {
  // createdAt is written by the column's default in the session's zone; localtimestamp is in the same.
  const deleted = await db.$executeRawUnsafe(`DELETE FROM "LiveEvent" WHERE "createdAt" < localtimestamp - interval '${LIVE_EVENTS_KEPT}'`);
  return { deleted };
}
