import { describe, expect, it } from "vitest";
import { segmentDefinition } from "@/lib/segments/rule-model";

const rule = (field: string, operator: string, value?: unknown) => ({ type: "condition", field, operator, ...(value !== undefined && { value }) });

describe("segmentDefinition", () => {
  it("parses nested groups and defaults the zone to UTC", () => {
    const parsed = segmentDefinition.parse({
      root: { type: "group", match: "all", rules: [rule("firstName", "is", "Ann"), { type: "group", match: "any", rules: [rule("tags", "has_any", ["vip"])] }] },
    });
    expect(parsed.timeZone).toBe("UTC");
    expect(parsed.root.rules).toHaveLength(2);
  });

  it("names the path of a bad value, an unknown key and a bad zone", () => {
    const result = segmentDefinition.safeParse({
      timeZone: "Mars/Olympus",
      root: { type: "group", match: "all", rules: [{ type: "group", match: "any", rules: [rule("points", "between", [5, 1])] }], extra: 1 },
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join("."));
    expect(paths).toContain("timeZone");
    expect(paths).toContain("root.rules.0.rules.0.value");
    expect(paths).toContain("root");
  });

  it("refuses a value on an operator that takes none, and nesting past the limit", () => {
    expect(segmentDefinition.safeParse({ root: { type: "group", match: "all", rules: [rule("email", "is_empty", "x")] } }).success).toBe(false);
    let group: object = { type: "group", match: "all", rules: [] };
    for (let i = 0; i < 5; i++) group = { type: "group", match: "all", rules: [group] };
    expect(segmentDefinition.safeParse({ root: group }).error?.issues[0]?.message).toMatch(/at most 5 levels/);
  });
});
