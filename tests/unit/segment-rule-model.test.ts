import { describe, expect, it } from "vitest";
import { FIELD_TYPE_OPERATORS, MAX_GROUP_DEPTH, MAX_RULES, OPERATOR_LABELS, OPERATOR_VALUES, segmentDefinition, type SegmentGroup } from "@/lib/segments/rule-model";

const cond = (field: string, operator: string, value?: unknown) => ({ type: "condition", field, operator, ...(value !== undefined && { value }) });
const group = (match: "all" | "any", ...rules: unknown[]) => ({ type: "group", match, rules });
const parse = (root: unknown, timeZone?: string) => segmentDefinition.safeParse({ root, ...(timeZone && { timeZone }) });
const paths = (r: ReturnType<typeof parse>) => (r.success ? [] : r.error.issues.map((i) => i.path.join(".")));

describe("segment rule model", () => {
  it("accepts nested groups three levels deep and defaults the zone to UTC", () => {
    const r = parse(group("all", cond("firstName", "is", "Ann"), group("any", cond("tags", "has_any", ["vip"]), group("all", cond("engagement.replied", "never")))));
    expect(r.success).toBe(true);
    expect(r.success && r.data.timeZone).toBe("UTC");
  });

  it("checks each operator's value and names the path of the offending one", () => {
    const r = parse(group("all", cond("firstName", "is", "Ann"), group("any", cond("custom.points", "between", [10, 2]), cond("createdAt", "in_last_days", -1))));
    expect(paths(r)).toEqual(["root.rules.1.rules.0.value", "root.rules.1.rules.1.value"]);
  });

  it("refuses a value on operators that take none, and a missing one where one is needed", () => {
    expect(paths(parse(group("all", cond("email", "is_empty", "x"))))).toEqual(["root.rules.0.value"]);
    expect(paths(parse(group("all", cond("email", "contains"))))).toEqual(["root.rules.0.value"]);
    expect(paths(parse(group("all", cond("tags", "has_any", []))))).toEqual(["root.rules.0.value"]);
  });

  it("refuses unknown operators, bad days and unknown time zones", () => {
    expect(paths(parse(group("all", cond("email", "like", "x"))))).toContain("root.rules.0.operator");
    expect(paths(parse(group("all", cond("createdAt", "on", "2026-3-8"))))).toEqual(["root.rules.0.value"]);
    expect(paths(parse(group("all"), "Mars/Olympus"))).toEqual(["timeZone"]);
    expect(paths(parse({ ...group("all"), extra: 1 }))).toEqual(["root"]);
  });

  it("limits nesting depth and the number of rules", () => {
    let deep: SegmentGroup = { type: "group", match: "all", rules: [] };
    for (let i = 0; i < MAX_GROUP_DEPTH; i++) deep = { type: "group", match: "any", rules: [deep] };
    expect(paths(parse(deep))).toEqual(["root"]);
    const many = group("all", ...Array.from({ length: MAX_RULES + 1 }, () => cond("firstName", "is", "A")));
    expect(parse(many).success).toBe(false);
  });

  it("gives every operator a value kind and a label, and every field type operators that exist", () => {
    for (const ops of Object.values(FIELD_TYPE_OPERATORS)) for (const op of ops) expect(OPERATOR_VALUES[op]).toBeDefined();
    for (const op of Object.keys(OPERATOR_VALUES)) expect(OPERATOR_LABELS[op as keyof typeof OPERATOR_LABELS]).toBeTruthy();
  });
});
