// The compiler's promise about its SQL, checked on the statement itself: whatever the input holds
// travels as parameters, never as SQL text, and every subquery binds the org.
import { describe, expect, it } from "vitest";
import { compileSegment } from "@/lib/segments/compile-segment";
import { segmentDefinition } from "@/lib/segments/rule-model";

const EVIL = `x'); DROP TABLE "Contact"; --`;
const scope = {
  orgId: "org_1",
  customFields: [
    { key: "plan", label: "Plan", type: "TEXT" as const },
    { key: "points", label: "Points", type: "NUMBER" as const },
  ],
  listIds: [EVIL],
  now: new Date("2026-06-15T12:00:00Z"),
};
const rule = (field: string, operator: string, value?: unknown) => ({ type: "condition", field, operator, ...(value !== undefined && { value }) });

describe("compileSegment", () => {
  it("puts every value of the input in parameters, none in the SQL text", () => {
    const definition = segmentDefinition.parse({
      timeZone: "America/Chicago",
      root: {
        type: "group",
        match: "any",
        rules: [
          rule("firstName", "contains", EVIL),
          rule("custom.plan", "is", EVIL),
          rule("tags", "has_any", [EVIL]),
          rule("lists", "in", [EVIL]),
          rule("engagement.lastDeliveryFailed", "with_code", [EVIL]),
          rule("createdAt", "on", "2026-03-08"),
          rule("custom.points", "gt", 5),
        ],
      },
    });
    const sql = compileSegment(definition, scope);
    expect(sql.text).not.toContain("DROP");
    expect(sql.text).not.toContain("plan");
    expect(sql.text).not.toContain("America/Chicago");
    expect(sql.text).not.toContain("2026-03-08");
    expect(JSON.stringify(sql.values)).toContain("DROP TABLE");
  });

  it("binds the org in every subquery", () => {
    const definition = segmentDefinition.parse({
      root: {
        type: "group",
        match: "all",
        rules: [
          rule("lists", "not_in", [EVIL]),
          rule("consent.source", "is_any_of", ["ui"]),
          rule("engagement.received", "in_last_days", 7),
          rule("engagement.replied", "never"),
          rule("engagement.lastDeliveryFailed", "is_true"),
        ],
      },
    });
    const sql = compileSegment(definition, scope);
    const subqueries = sql.text.match(/FROM "(ListMembership|ConsentEvent|Message|ContactLastOutcome)"/g) ?? [];
    const orgBindings = sql.text.match(/"orgId" = \$\d+/g) ?? [];
    expect(subqueries).toHaveLength(5);
    expect(orgBindings).toHaveLength(5);
    for (const binding of orgBindings) expect(sql.values[Number(binding.split("$")[1]) - 1]).toBe("org_1");
  });
});
