// Who has had their fill of marketing: a boolean SQL expression over a contact, for a campaign's
// audience (WHERE NOT ..., or counted as skipped), true when the marketing texts to it in the
// rolling 24 hours before `now` have reached its cap: the org's (sendingRules(ctx).marketingCapPer24h),
// or the law's of its number's state (FL, OK, MD: 3; lib/sms/quiet-hours.ts), whichever is lower.
// A text counts when it went out in those 24 hours, or is still on its way (scheduled, held for
// quiet hours, queued, sending): the next campaign must not double up on one about to go. Failed
// and canceled ones never reached anyone. Only texts made in the 72 hours before `now` are read,
// newest first through the index on (orgId, contactId, id) and at most as many as the cap: ids are
// time-ordered (lib/ids.ts), so the window is an index range; a text scheduled more than three days
// ahead is not counted.
import { Prisma } from "@/lib/generated/prisma/client";
import { firstIdAt } from "@/lib/ids";
import { areaCodesWhere } from "@/lib/sms/area-codes";
import { STATE_DAILY_CAPS } from "@/lib/sms/quiet-hours";

const DAY_MS = 86_400_000;
const LOOKBACK_MS = 3 * DAY_MS;

/** Each cap the law sets, with the area codes of the states that set it. */
const STATE_CAPS: { cap: number; areaCodes: string[] }[] = [...new Set(Object.values(STATE_DAILY_CAPS))].map((cap) => ({
  cap,
  areaCodes: areaCodesWhere((info) => info.country === "US" && info.region !== null && STATE_DAILY_CAPS[info.region] === cap),
}));

/**
 * @param orgId the org whose texts count (and which the statement binds, as orgSql asks)
 * @param orgCap the org's cap; null: the states' caps alone
 * @param contact the alias of "Contact" in the caller's statement
 */
export function frequencyCappedSql({ orgId, orgCap, now = new Date(), contact = "c" }: { orgId: string; orgCap: number | null; now?: Date; contact?: string }): Prisma.Sql {
  if (!/^[a-z_][a-z0-9_]*$/i.test(contact)) throw new Error(`frequencyCappedSql: "${contact}" is not a table alias`);
  if (orgCap !== null && !(Number.isInteger(orgCap) && orgCap >= 1)) throw new Error(`frequencyCappedSql: the org's cap must be a whole number >= 1 or null, not ${orgCap}`);
  const c = Prisma.raw(contact);
  const areaCode = Prisma.sql`(CASE WHEN left(${c}.phone, 2) = '+1' THEN substring(${c}.phone from 3 for 3) END)`;
  // LEAST ignores NULL: with no cap of the org's own, the state's.
  const stateCases = STATE_CAPS.map(({ cap, areaCodes }) => Prisma.sql`WHEN ${areaCode} = ANY(${areaCodes}::text[]) THEN LEAST(${orgCap}::int, ${cap}::int)`);
  const cap = stateCases.length > 0 ? Prisma.sql`(CASE ${Prisma.join(stateCases, " ")} ELSE ${orgCap}::int END)` : Prisma.sql`${orgCap}::int`;
  const most = Math.max(orgCap ?? 0, ...STATE_CAPS.map((s) => s.cap));
  return Prisma.sql`(${cap} IS NOT NULL AND (
    SELECT count(*) FROM (
      SELECT 1 FROM "Message" capped
      WHERE capped."orgId" = ${orgId} AND capped."contactId" = ${c}.id AND capped.id >= ${firstIdAt("message", new Date(now.getTime() - LOOKBACK_MS))}
        AND capped.direction = 'OUTBOUND' AND capped.marketing
        AND (capped.status IN ('SCHEDULED', 'QUEUED', 'SENDING') OR capped."sentAt" >= ${new Date(now.getTime() - DAY_MS).toISOString()}::timestamp)
      ORDER BY capped.id DESC LIMIT ${most}
    ) recent) >= ${cap})`;
}
