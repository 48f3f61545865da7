// The demo org's saved segments: what a marketer of a coffee shop would keep, one of each kind of
// rule (engagement, tags and place, a birthday custom field, a lapsed audience, nested groups).
// Checked against the rule model here, so a change of the model that breaks one fails the seed.
import { newId } from "../../lib/ids.ts";
import type { Prisma } from "../../lib/generated/prisma/client.ts";
import { segmentDefinition, type Operator, type SegmentCondition, type SegmentDefinitionInput, type SegmentGroup } from "../../lib/segments/rule-model.ts";
import type { Db } from "../../lib/db/client.ts";

const TIME_ZONE = "America/New_York";
type Rule = SegmentGroup["rules"][number];
const all = (...rules: Rule[]) => ({ type: "group" as const, match: "all" as const, rules });
const any = (...rules: Rule[]) => ({ type: "group" as const, match: "any" as const, rules });
const rule = (field: string, operator: Operator, value?: unknown): SegmentCondition => ({ type: "condition", field, operator, value });

export const DEMO_SEGMENTS: { name: string; description: string; definition: SegmentDefinitionInput }[] = [
  {
    name: "Engaged in the last 30 days",
    description: "Texted us back in the last 30 days.",
    definition: { timeZone: TIME_ZONE, root: all(rule("engagement.replied", "in_last_days", 30)) },
  },
  {
    name: "VIP in California",
    description: "Tagged vip, with a California number or address.",
    definition: { timeZone: TIME_ZONE, root: all(rule("tags", "has_any", ["vip"]), rule("location.state", "is_any_of", ["CA"])) },
  },
  {
    name: "Birthdays this week",
    description: "Their birthday comes within the next 7 days.",
    definition: { timeZone: TIME_ZONE, root: all(rule("custom.birthday", "anniversary_within_days", 7)) },
  },
  {
    name: "Lapsed",
    description: "Got a text in the last 90 days but have not replied in 90 days.",
    definition: {
      timeZone: TIME_ZONE,
      root: all(rule("engagement.received", "in_last_days", 90), rule("engagement.replied", "not_in_last_days", 90)),
    },
  },
  {
    name: "Regulars to win back",
    description: "Opted in, loyal or big spenders, not texted in two weeks or last text failed.",
    definition: {
      timeZone: TIME_ZONE,
      root: all(
        rule("consent.status", "is_any_of", ["opted_in"]),
        any(rule("tags", "has_any", ["loyalty", "vip"]), all(rule("custom.plan", "is", "pro"), rule("custom.points", "gte", 250))),
        any(rule("engagement.received", "not_in_last_days", 14), rule("engagement.lastDeliveryFailed", "is_true")),
      ),
    },
  },
  {
    name: "Unreachable numbers",
    description: "Their last text was not delivered: unknown or unreachable handset.",
    definition: { timeZone: TIME_ZONE, root: all(rule("engagement.lastDeliveryFailed", "with_code", ["30003", "30005", "30006"])) },
  },
];

/** Adds the segments the org has none of by name (a segment renamed or deleted by the user stays so: see seed.ts). */
export async function seedDemoSegments(db: Db, orgId: string): Promise<number> {
  const { count } = await db.segment.createMany({
    data: DEMO_SEGMENTS.map((s) => ({
      id: newId("segment"),
      orgId,
      name: s.name,
      description: s.description,
      // A plain JSON tree; Prisma's Json type has no room for the model's recursive interface.
      definition: segmentDefinition.parse(s.definition) as unknown as Prisma.InputJsonObject,
    })),
    skipDuplicates: true,
  });
  return count;
}
