// Quiet hours at claim time: a queued message with a recipient window (Message.quietZone, quietStart,
// quietEnd, set by campaigns) that is closed in its zone when the dispatcher claims it is not
// submitted. It goes back to `scheduled` with `sendAt` = the window's next opening and is woken then
// as any scheduled message is (lib/jobs/wake-sender.ts; the sweeper if the wake is lost): held, never
// sent early, never dropped. The test is SQL, so a round of a thousand claims costs no per-row work
// in JS, and a message without a window pays one IS NULL.
import { afterCommit } from "@/lib/db/after-commit";
import type { SqlClient } from "@/lib/db/sql";
import { emitEvents } from "@/lib/events/emit";
import { messagesScheduled } from "@/lib/events/messaging";
import { Prisma } from "@/lib/generated/prisma/client";
import { applyStatusChanges } from "@/lib/messaging/message-history";
import { clockTime } from "@/lib/sms/quiet-hours";

/**
 * The recipient's wall clock at `now` in the message `m`'s zone (a UTC `timestamp` read in the zone).
 * A zone PostgreSQL does not know fails the statement: writers take zones from quietColumnsSql
 * (lib/messaging/quiet-columns.ts), which keeps only the zones PostgreSQL knows.
 */
const wallClock = (now: Date) => Prisma.sql`((${now.toISOString()}::timestamp AT TIME ZONE 'UTC') AT TIME ZONE m."quietZone")`;

/**
 * A claim's column: NULL when `m` may go now (no window, or the window open), else the UTC time its
 * window next opens. The opening is the start's wall time on the same or the next local day; a
 * start inside a DST gap PostgreSQL reads in the offset before the jump, so it opens the gap's
 * length after the clock jumped, late, never early (lib/sms/quiet-hours.ts finds the jump itself;
 * a window inside the law's 08:00-21:00 meets no gap in today's zones).
 */
export function heldUntilSql(now: Date): Prisma.Sql {
  const local = wallClock(now);
  const minute = Prisma.sql`(extract(hour FROM ${local}) * 60 + extract(minute FROM ${local}))`;
  return Prisma.sql`CASE WHEN m."quietZone" IS NULL OR (${minute} >= m."quietStart" AND ${minute} < m."quietEnd") THEN NULL
    ELSE ((date_trunc('day', ${local}) + CASE WHEN ${minute} >= m."quietStart" THEN interval '1 day' ELSE interval '0' END
           + m."quietStart" * interval '1 minute') AT TIME ZONE m."quietZone") AT TIME ZONE 'UTC' END`;
}

/** What a claim reads of a message's window: `heldUntil` is heldUntilSql's column. */
export interface ClaimWindow {
  heldUntil: Date | null;
  quietZone: string | null;
  quietStart: number | null;
}

type Held = { id: string; orgId: string; heldUntil: Date; quietZone: string; quietStart: number };

/**
 * Moves the claimed messages that are held (heldUntil set) back to `scheduled` until their
 * openings, in one statement, and asks for a wake at each distinct opening once the transaction has
 * committed. Returns how many were held.
 */
export async function holdForQuietHours(tx: SqlClient, senderId: string, claimed: ({ id: string; orgId: string } & ClaimWindow)[], now: Date): Promise<number> {
  const held = claimed.filter((m): m is Held => m.heldUntil !== null);
  if (held.length === 0) return 0;
  const moved = await applyStatusChanges(
    tx,
    "SCHEDULED",
    held.map((m) => ({
      messageId: m.id,
      to: "SCHEDULED",
      sendAt: m.heldUntil,
      detail: `Held for quiet hours until ${clockTime(m.quietStart)} in ${m.quietZone} (${m.heldUntil.toISOString().slice(0, 16).replace("T", " ")} UTC)`,
    })),
    "dispatcher",
    { at: now },
  );
  // One wake per opening: a sender's messages are all its org's.
  const movedIds = new Set(moved.map((m) => m.id));
  const wakes = new Map(held.filter((m) => movedIds.has(m.id)).map((m) => [m.heldUntil.toISOString(), m.orgId]));
  await afterCommit(tx, () => emitEvents([...wakes].map(([sendAt, orgId]) => messagesScheduled.create({ orgId, senderId, sendAt }))));
  return moved.length;
}
