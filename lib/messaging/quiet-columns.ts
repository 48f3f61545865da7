// A marketing message's quiet columns (Message.quietZone, quietStart, quietEnd), written set-based
// by whoever makes messages that keep quiet hours (campaigns) in their INSERT ... SELECT over
// "Contact": the zone is the contact's, else its number's (the area code's, for +1 numbers, as
// the segment rules derive it: lib/segments/compile-location.ts), else the caller's fallback; the
// window is the org's narrowed by the law of the number's state (lib/sms/quiet-hours.ts). A contact
// with no zone at all and no fallback is not held.
// The dispatcher reads the clock in the zone in SQL (lib/delivery/quiet-hold.ts), where a zone
// PostgreSQL does not know would fail the claim of the sender's whole queue: a contact's own zone
// is kept only if PostgreSQL knows it (postgres-zones.ts), the area codes' zones are ones it knows (tested).
import { Prisma } from "@/lib/generated/prisma/client";
import { areaCodeInfo, NANP_AREA_CODES } from "@/lib/sms/area-codes";
import { windowFor, type SendWindow } from "@/lib/sms/quiet-hours";
import { isValidTimeZone } from "@/lib/sms/time-zone";

export interface QuietColumns {
  /** Joins to put after `FROM "Contact" <alias>`. */
  join: Prisma.Sql;
  /** The three columns' values, for the select list. */
  zone: Prisma.Sql;
  start: Prisma.Sql;
  end: Prisma.Sql;
}

/**
 * @param window the org's window (sendingRules(ctx).window)
 * @param knownZones postgresZones() (lib/messaging/postgres-zones.ts)
 * @param contact the alias of "Contact" in the caller's statement
 * @param fallbackZone the zone assumed for a contact whose zone is unknown (a campaign's zone)
 */
export function quietColumnsSql(window: SendWindow, knownZones: string[], { contact = "c", fallbackZone = null }: { contact?: string; fallbackZone?: string | null } = {}): QuietColumns {
  if (!/^[a-z_][a-z0-9_]*$/i.test(contact)) throw new Error(`quietColumnsSql: "${contact}" is not a table alias`);
  if (fallbackZone !== null && !isValidTimeZone(fallbackZone)) throw new Error(`quietColumnsSql: "${fallbackZone}" is not a time zone (use an IANA name like America/Chicago)`);
  const codes: string[] = [];
  const zones: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (const code of NANP_AREA_CODES) {
    const info = areaCodeInfo(code)!;
    const w = windowFor(window, info.region);
    if (w.start >= w.end) throw new Error(`quietColumnsSql: the window ${window.start}-${window.end} leaves no time in ${info.region} (area code ${code})`);
    codes.push(code);
    zones.push(info.timeZone);
    starts.push(w.start);
    ends.push(w.end);
  }
  const c = Prisma.raw(contact);
  // Distinct: a zone database spelling one name two ways must not make two messages of one contact.
  const zone = Prisma.sql`COALESCE(quiet_own.name, quiet_area.zone, ${fallbackZone}::text)`;
  return {
    join: Prisma.sql`
      LEFT JOIN unnest(${codes}::text[], ${zones}::text[], ${starts}::int[], ${ends}::int[]) AS quiet_area(code, zone, start, "end")
        ON quiet_area.code = (CASE WHEN left(${c}.phone, 2) = '+1' THEN substring(${c}.phone from 3 for 3) END)
      LEFT JOIN (SELECT name, lower(name) AS key FROM unnest(${knownZones}::text[]) AS known(name)) AS quiet_own
        ON quiet_own.key = lower(${c}."timeZone")`,
    zone,
    start: Prisma.sql`(CASE WHEN ${zone} IS NOT NULL THEN COALESCE(quiet_area.start, ${window.start}::int) END)`,
    end: Prisma.sql`(CASE WHEN ${zone} IS NOT NULL THEN COALESCE(quiet_area."end", ${window.end}::int) END)`,
  };
}
