// The questions `npm run bench:segments` asks, each twice: as a segment definition (compiled by
// lib/segments) and as the SQL someone would write by hand for it against the same data
// (scripts/bench/segments-fill.ts). The hand-written SQL answers the same question with the same
// meaning (the compiler's documented semantics: lib/segments/compile-segment.ts and
// compile-engagement.ts), so the counts must agree.
import type { SegmentDefinitionInput } from "../../lib/segments/rule-model.ts";
import { areaCodesWhere } from "../../lib/sms/area-codes.ts";
import { ORG, listId } from "./segments-fill.ts";

interface Query {
  label: string;
  definition: SegmentDefinitionInput;
  /** The hand-written count, as text and values for pg. */
  sql: (now: Date) => { text: string; values: unknown[] };
  /** countSegment raises work_mem for this one (a rule on lists or messages under "any"): so does the hand-written SQL. */
  hashMemory?: true;
}

const condition = (field: string, operator: string, value?: unknown) => ({ type: "condition" as const, field, operator, value }) as never;
const all = (...rules: unknown[]) => ({ type: "group" as const, match: "all" as const, rules }) as never;
const any = (...rules: unknown[]) => ({ type: "group" as const, match: "any" as const, rules }) as never;
const utc = (root: never): SegmentDefinitionInput => ({ timeZone: "UTC", root });

// Dates as ISO text: "timestamp" columns hold UTC wall time (pg would send local time with an offset).
const count = (where: string, ...values: unknown[]) => ({
  text: `SELECT count(*) AS n FROM "Contact" c WHERE c."orgId" = $1 AND ${where}`,
  values: [ORG, ...values.map((v) => (v instanceof Date ? v.toISOString() : v))],
});
const statesCodes = (region: string) => areaCodesWhere((info) => info.country === "US" && info.region === region);
const DAY = 86_400_000;
/** Local midnight (UTC here) `days` days before `now`'s day: where "in the last N days" starts. */
const daysAgo = (now: Date, days: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - days * DAY);
/** "MM-DD" of today and the next `days` days. */
const nextDays = (now: Date, days: number) => Array.from({ length: days + 1 }, (_, k) => new Date(now.getTime() + k * DAY).toISOString().slice(5, 10));

export const SEGMENT_QUERIES: Query[] = [
  {
    label: "3 rules: tag vip, opted in, points ≥ 500",
    definition: utc(all(condition("tags", "has_any", ["vip"]), condition("consent.status", "is_any_of", ["opted_in"]), condition("custom.points", "gte", 500))),
    sql: () =>
      count(`c.tags && $2::text[] AND c."consentStatus" = 'OPTED_IN' AND jsonb_typeof(c."customFields"->'points') = 'number' AND (c."customFields"->>'points')::numeric >= $3`, ["vip"], 500),
  },
  {
    label: "nested 3 levels: opted in, (CA and customer) or (NY and plan pro), not in Churned",
    definition: utc(
      all(
        condition("consent.status", "is_any_of", ["opted_in"]),
        any(all(condition("location.state", "is_any_of", ["CA"]), condition("tags", "has_any", ["customer"])), all(condition("location.state", "is_any_of", ["NY"]), condition("custom.plan", "is", "pro"))),
        condition("lists", "not_in", [listId("Churned")]),
      ),
    ),
    sql: () =>
      count(
        `c."consentStatus" = 'OPTED_IN'
         AND ((substr(c.phone, 3, 3) = ANY($2::text[]) AND c.tags && ARRAY['customer'])
              OR (substr(c.phone, 3, 3) = ANY($3::text[]) AND lower(c."customFields"->>'plan') = 'pro'))
         AND NOT EXISTS (SELECT 1 FROM "ListMembership" m WHERE m."orgId" = $1 AND m."contactId" = c.id AND m."listId" = $4)`,
        statesCodes("CA"),
        statesCodes("NY"),
        listId("Churned"),
      ),
  },
  {
    label: "custom fields: plan is team, member yes, birthday within 14 days",
    definition: utc(all(condition("custom.plan", "is", "team"), condition("custom.member", "is_true"), condition("custom.birthday", "anniversary_within_days", 14))),
    sql: (now) =>
      count(`lower(c."customFields"->>'plan') = 'team' AND c."customFields"->'member' = 'true'::jsonb AND substr(c."customFields"->>'birthday', 6, 5) = ANY($2::text[])`, nextDays(now, 14)),
  },
  {
    label: "tags: has all of newsletter + customer, none of churn-risk",
    definition: utc(all(condition("tags", "has_all", ["newsletter", "customer"]), condition("tags", "has_none", ["churn-risk"]))),
    sql: () => count(`c.tags @> $2::text[] AND NOT (c.tags && $3::text[])`, ["newsletter", "customer"], ["churn-risk"]),
  },
  {
    label: "engagement: received a message in the last 7 days, opted in",
    definition: utc(all(condition("engagement.received", "in_last_days", 7), condition("consent.status", "is_any_of", ["opted_in"]))),
    sql: (now) =>
      count(
        `c."consentStatus" = 'OPTED_IN' AND EXISTS (SELECT 1 FROM "Message" m WHERE m."orgId" = $1 AND m."contactId" = c.id AND m.direction = 'OUTBOUND'
                                                  AND m.status IN ('SENT', 'DELIVERED') AND m."sentAt" >= $2)`,
        daysAgo(now, 7),
      ),
  },
  {
    label: "engagement: never replied, in list Newsletter",
    definition: utc(all(condition("engagement.replied", "never"), condition("lists", "in", [listId("Newsletter")]))),
    sql: () =>
      count(
        `EXISTS (SELECT 1 FROM "ListMembership" l WHERE l."orgId" = $1 AND l."contactId" = c.id AND l."listId" = $2)
         AND NOT EXISTS (SELECT 1 FROM "Message" m WHERE m."orgId" = $1 AND m."contactId" = c.id AND m.direction = 'INBOUND')`,
        listId("Newsletter"),
      ),
  },
  ...[["with 30007", ["30007"]] as const, ["(any code)", null] as const].map(([label, codes]) => ({
    label: `engagement: last delivery failed ${label}`,
    definition: utc(all(codes ? condition("engagement.lastDeliveryFailed", "with_code", codes) : condition("engagement.lastDeliveryFailed", "is_true"))),
    // The contact's last outcome, kept per contact (lib/messaging/last-outcome.ts).
    sql: () =>
      count(
        `EXISTS (SELECT 1 FROM "ContactLastOutcome" o WHERE o."orgId" = $1 AND o."contactId" = c.id AND o.status IN ('FAILED', 'UNDELIVERED')
                   ${codes ? `AND o."errorCode" = ANY($2::text[])` : ""})`,
        ...(codes ? [codes] : []),
      ),
  })),
  {
    label: "any of: replied in the last 30 days, or VIP list member",
    hashMemory: true,
    definition: utc(any(condition("engagement.replied", "in_last_days", 30), condition("lists", "in", [listId("VIP")]))),
    sql: (now) =>
      count(
        `(EXISTS (SELECT 1 FROM "Message" m WHERE m."orgId" = $1 AND m."contactId" = c.id AND m.direction = 'INBOUND' AND m."createdAt" >= $2)
          OR EXISTS (SELECT 1 FROM "ListMembership" l WHERE l."orgId" = $1 AND l."contactId" = c.id AND l."listId" = $3))`,
        daysAgo(now, 30),
        listId("VIP"),
      ),
  },
];
