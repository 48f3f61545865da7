// When a campaign starts and when each recipient's message is due, from its schedule:
// - now: at once; at: a wall time in a zone; both send to everyone from the start.
// - local: the wall time in each recipient's zone (the contact's, else the schedule's fallback). It
//   starts when that time first comes anywhere (UTC+14); a recipient whose time had already passed
//   when it started gets it at that time the next day: never earlier than asked.
// - spread: evenly over N hours from its start (now, or a wall time in a zone).
// Times are computed by PostgreSQL's AT TIME ZONE, which knows every zone's DST rules.
import type { Schedule } from "@/lib/campaigns/campaign-input";
import { orgSql } from "@/lib/db/sql";
import { DomainError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrgContext } from "@/lib/org-context";

/** The zone whose clock is furthest ahead: a local-time send starts when its time comes there. */
const EARLIEST_ZONE = "Pacific/Kiritimati";
const MAX_AHEAD_MS = 365 * 86_400_000;
const TOLERANCE_MS = 60_000;

/** The instant the campaign starts at, checked to be neither past nor more than a year ahead. */
export async function startOf(ctx: OrgContext, schedule: Schedule, now = new Date()): Promise<Date> {
  const wall = wallTimeOf(schedule);
  if (!wall) return now;
  const [row] = await orgSql(ctx).$queryRaw<{ at: Date }[]>`
    SELECT (${wall.localTime}::timestamp AT TIME ZONE ${wall.zone}) AS at FROM "Organization" WHERE id = ${ctx.orgId}`;
  const at = row!.at;
  if (schedule.kind === "local") return at < now ? now : at;
  if (at.getTime() < now.getTime() - TOLERANCE_MS) throw new DomainError("BAD_REQUEST", "The send time is in the past", "schedule.localTime", "invalid_send_at");
  if (at.getTime() > now.getTime() + MAX_AHEAD_MS) throw new DomainError("BAD_REQUEST", "The send time is more than a year ahead", "schedule.localTime", "invalid_send_at");
  return at < now ? now : at;
}

function wallTimeOf(schedule: Schedule): { localTime: string; zone: string } | null {
  switch (schedule.kind) {
    case "now":
      return null;
    case "at":
      return { localTime: schedule.localTime, zone: schedule.zone };
    case "local":
      return { localTime: schedule.localTime, zone: EARLIEST_ZONE };
    case "spread":
      return schedule.localTime && schedule.zone ? { localTime: schedule.localTime, zone: schedule.zone } : null;
  }
}

/**
 * The send_at column of the audience's SELECT (audience-sql.ts), over its rows `a` (contact_id,
 * skip_reason, time_zone), and what it joins.
 */
export function sendAtColumn(schedule: Schedule, startAt: Date): { column: Prisma.Sql; from: Prisma.Sql } {
  const start = Prisma.sql`${startAt.toISOString()}::timestamptz AT TIME ZONE 'UTC'`;
  if (schedule.kind === "local") {
    // A contact's zone PostgreSQL does not know is treated as unknown (the fallback), never an error.
    const zone = Prisma.sql`COALESCE(z.name, ${schedule.fallbackZone})`;
    const today = Prisma.sql`((${schedule.localTime}::timestamp AT TIME ZONE ${zone}) AT TIME ZONE 'UTC')`;
    const tomorrow = Prisma.sql`(((${schedule.localTime}::timestamp + interval '1 day') AT TIME ZONE ${zone}) AT TIME ZONE 'UTC')`;
    return {
      column: Prisma.sql`CASE WHEN ${today} >= ${start} THEN ${today} ELSE ${tomorrow} END`,
      from: Prisma.sql`LEFT JOIN pg_timezone_names z ON z.name = a.time_zone`,
    };
  }
  if (schedule.kind === "spread") {
    const sending = Prisma.sql`PARTITION BY a.skip_reason IS NULL`;
    return {
      column: Prisma.sql`${start} + (row_number() OVER (${sending} ORDER BY a.contact_id) - 1)
        * (${schedule.hours * 3600}::float8 / count(*) OVER (${sending})) * interval '1 second'`,
      from: Prisma.empty,
    };
  }
  return { column: start, from: Prisma.empty };
}
