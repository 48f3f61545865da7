// The builder's tree edits: each returns a new tree, leaves the old one alone, and keeps values
// only where the new field or operator still takes them.
import { describe, expect, it } from "vitest";
import {
  appendTo,
  changeField,
  changeOperator,
  changeValue,
  duplicateAt,
  incompleteRules,
  issuesByRule,
  newCondition,
  newGroup,
  removeAt,
  ruleAt,
  setMatch,
} from "@/components/segments/rule-tree";
import { segmentDefinition, type SegmentGroup } from "@/lib/segments/rule-model";

// all of: [firstName is "Ann", any of: [tags has_any [vip], all of: [createdAt in_last_days 7]]]
function tree(): SegmentGroup {
  return newGroup("all", [
    { type: "condition", field: "firstName", operator: "is", value: "Ann" },
    newGroup("any", [
      { type: "condition", field: "tags", operator: "has_any", value: ["vip"] },
      newGroup("all", [{ type: "condition", field: "createdAt", operator: "in_last_days", value: 7 }]),
    ]),
  ]);
}

describe("rule tree edits", () => {
  it("reads and edits a rule three levels down without touching the original", () => {
    const before = tree();
    const after = changeValue(before, [1, 1, 0], 30);
    expect(ruleAt(after, [1, 1, 0])).toMatchObject({ field: "createdAt", value: 30 });
    expect(ruleAt(before, [1, 1, 0])).toMatchObject({ value: 7 });
    // untouched branches are shared, not copied
    expect(after.rules[0]).toBe(before.rules[0]);
  });

  it("adds rules and groups at any level, and switches all/any", () => {
    let t = appendTo(tree(), [1, 1], newCondition("email", "text"));
    t = appendTo(t, [1, 1], newGroup("any"));
    t = setMatch(t, [1, 1], "any");
    const inner = ruleAt(t, [1, 1]) as SegmentGroup;
    expect(inner.match).toBe("any");
    expect(inner.rules.map((r) => r.type)).toEqual(["condition", "condition", "group"]);
    expect(inner.rules[1]).toEqual({ type: "condition", field: "email", operator: "is", value: "" });
  });

  it("duplicates a group deeply (editing the copy leaves the original) and removes by path", () => {
    const dup = duplicateAt(tree(), [1, 1]);
    expect((ruleAt(dup, [1]) as SegmentGroup).rules).toHaveLength(3);
    const edited = changeValue(dup, [1, 2, 0], 99);
    expect(ruleAt(edited, [1, 1, 0])).toMatchObject({ value: 7 });
    expect(ruleAt(edited, [1, 2, 0])).toMatchObject({ value: 99 });

    const removed = removeAt(tree(), [1, 0]);
    expect((ruleAt(removed, [1]) as SegmentGroup).rules.map((r) => r.type)).toEqual(["group"]);
    // the root itself cannot be removed, and a path to nowhere changes nothing
    const t = tree();
    expect(removeAt(t, [])).toBe(t);
    expect(changeValue(t, [5, 2], 1)).toBe(t);
  });

  it("keeps the operator and value when the new field's type takes them, else starts afresh", () => {
    const sameType = changeField(tree(), [0], "lastName", "text");
    expect(ruleAt(sameType, [0])).toEqual({ type: "condition", field: "lastName", operator: "is", value: "Ann" });
    const otherType = changeField(tree(), [0], "custom.points", "number");
    expect(ruleAt(otherType, [0])).toEqual({ type: "condition", field: "custom.points", operator: "eq" });
  });

  it("keeps the value across operators of the same kind, and drops it otherwise", () => {
    const t = changeOperator(tree(), [0], "contains");
    expect(ruleAt(t, [0])).toMatchObject({ operator: "contains", value: "Ann" });
    const empty = changeOperator(t, [0], "is_empty");
    expect(ruleAt(empty, [0])).toEqual({ type: "condition", field: "firstName", operator: "is_empty" });
    const days = changeOperator(tree(), [1, 1, 0], "more_than_days_ago");
    expect(ruleAt(days, [1, 1, 0])).toMatchObject({ value: 7 });
    const day = changeOperator(tree(), [1, 1, 0], "before");
    expect(ruleAt(day, [1, 1, 0])).not.toHaveProperty("value");
  });

  it("maps the rule model's issue paths to the rule they are about", () => {
    let t = changeValue(tree(), [1, 1, 0], -1);
    t = changeOperator(t, [0], "between_days");
    const parsed = segmentDefinition.safeParse({ timeZone: "Mars/Base", root: t });
    expect(parsed.success).toBe(false);
    const byRule = issuesByRule(parsed.error!.issues);
    expect(byRule.get("1.1.0")).toBe("Use 0 or more days");
    expect(byRule.get("0")).toMatch(/two dates/);
    expect(byRule.get("")).toMatch(/Unknown time zone/);
    // the compiler's errors come as dotted paths
    expect(issuesByRule([{ path: "root.rules.1.rules.0.field", message: "Unknown field" }]).get("1.0")).toBe("Unknown field");
  });

  it("finds the rules still waiting for a value, at any depth", () => {
    let t = appendTo(tree(), [1, 1], newCondition("custom.points", "number"));
    t = appendTo(t, [], newCondition("email", "text"));
    t = appendTo(t, [], { type: "condition", field: "email", operator: "is_empty" });
    t = appendTo(t, [], { type: "condition", field: "custom.points", operator: "between", value: [1, undefined] });
    t = appendTo(t, [], newCondition("tags", "tags"));
    expect(incompleteRules(t)).toEqual(["1.1.1", "2", "4", "5"]);
    expect(incompleteRules(tree())).toEqual([]);
  });
});
