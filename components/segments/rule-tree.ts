// Edits of a segment's rule tree, pure and immutable, for the builder. A rule is addressed by its
// path: the indexes from the root group down ([] is the root, [1, 0] the first rule of the root's
// second rule). Issue paths from zod ("root.rules.1.rules.0.value") map to the same keys.
import {
  FIELD_TYPE_OPERATORS,
  OPERATOR_VALUES,
  type FieldType,
  type Operator,
  type SegmentCondition,
  type SegmentGroup,
} from "@/lib/segments/rule-model";

export type Rule = SegmentCondition | SegmentGroup;
export type RulePath = readonly number[];

/** The value an operator starts with when chosen: empty where the marketer must fill it in. */
export function defaultValue(operator: Operator): unknown {
  switch (OPERATOR_VALUES[operator]) {
    case "none":
      return undefined;
    case "text":
      return "";
    case "days":
      return 30;
    case "texts":
      return [];
    default:
      // number, range, day, day range: nothing sensible to guess
      return undefined;
  }
}

/** A new rule on a field: its type's first operator, and that operator's starting value. */
export function newCondition(field: string, type: FieldType): SegmentCondition {
  const operator = FIELD_TYPE_OPERATORS[type][0];
  return withValue({ type: "condition", field, operator }, defaultValue(operator));
}

export function newGroup(match: SegmentGroup["match"] = "all", rules: Rule[] = []): SegmentGroup {
  return { type: "group", match, rules };
}

function withValue(c: SegmentCondition, value: unknown): SegmentCondition {
  const rest = { ...c };
  delete rest.value;
  return value === undefined ? rest : { ...rest, value };
}

export function ruleAt(root: SegmentGroup, path: RulePath): Rule | undefined {
  let rule: Rule | undefined = root;
  for (const index of path) {
    if (rule?.type !== "group") return undefined;
    rule = rule.rules[index];
  }
  return rule;
}

/** The tree with the rule at `path` replaced by `edit(rule)`; unchanged when the path leads nowhere. */
export function updateAt(root: SegmentGroup, path: RulePath, edit: (rule: Rule) => Rule): SegmentGroup {
  if (path.length === 0) {
    const edited = edit(root);
    return edited.type === "group" ? edited : root;
  }
  const [index, ...rest] = path as [number, ...number[]];
  const child = root.rules[index];
  if (!child) return root;
  let next: Rule;
  if (rest.length === 0) next = edit(child);
  else if (child.type === "group") next = updateAt(child, rest, edit);
  else return root;
  return { ...root, rules: root.rules.map((r, i) => (i === index ? next : r)) };
}

function parentOf(path: RulePath): [RulePath, number] | null {
  if (path.length === 0) return null;
  return [path.slice(0, -1), path[path.length - 1]!];
}

export function removeAt(root: SegmentGroup, path: RulePath): SegmentGroup {
  const parent = parentOf(path);
  if (!parent) return root;
  const [groupPath, index] = parent;
  return updateAt(root, groupPath, (g) => (g.type === "group" ? { ...g, rules: g.rules.filter((_, i) => i !== index) } : g));
}

/** A copy of the rule at `path`, placed right after it. */
export function duplicateAt(root: SegmentGroup, path: RulePath): SegmentGroup {
  const parent = parentOf(path);
  const rule = ruleAt(root, path);
  if (!parent || !rule) return root;
  const [groupPath, index] = parent;
  const copy = structuredClone(rule);
  return updateAt(root, groupPath, (g) => (g.type === "group" ? { ...g, rules: g.rules.toSpliced(index + 1, 0, copy) } : g));
}

/** Appends `rule` to the group at `groupPath`. */
export function appendTo(root: SegmentGroup, groupPath: RulePath, rule: Rule): SegmentGroup {
  return updateAt(root, groupPath, (g) => (g.type === "group" ? { ...g, rules: [...g.rules, rule] } : g));
}

export function setMatch(root: SegmentGroup, groupPath: RulePath, match: SegmentGroup["match"]): SegmentGroup {
  return updateAt(root, groupPath, (g) => (g.type === "group" ? { ...g, match } : g));
}

/** Another field: keeps the operator (and its value) when the new field's type takes it. */
export function changeField(root: SegmentGroup, path: RulePath, field: string, type: FieldType): SegmentGroup {
  return updateAt(root, path, (rule) => {
    if (rule.type !== "condition") return rule;
    const operators: readonly Operator[] = FIELD_TYPE_OPERATORS[type];
    if (!operators.includes(rule.operator)) return newCondition(field, type);
    // A narrowed source belongs to the field it was chosen for.
    const moved = { ...rule, field };
    delete moved.source;
    return moved;
  });
}

/** Another operator: keeps the value when the new one takes the same kind, else starts it afresh. */
export function changeOperator(root: SegmentGroup, path: RulePath, operator: Operator): SegmentGroup {
  return updateAt(root, path, (rule) => {
    if (rule.type !== "condition") return rule;
    const same = OPERATOR_VALUES[rule.operator] === OPERATOR_VALUES[operator];
    return withValue({ ...rule, operator }, same ? rule.value : defaultValue(operator));
  });
}

export function changeValue(root: SegmentGroup, path: RulePath, value: unknown): SegmentGroup {
  return updateAt(root, path, (rule) => (rule.type === "condition" ? withValue(rule, value) : rule));
}

/** A "Clicked a link" rule narrowed to one campaign's links, or (undefined) to any. */
export function changeCampaign(root: SegmentGroup, path: RulePath, campaignId: string | undefined): SegmentGroup {
  return updateAt(root, path, (rule) => {
    if (rule.type !== "condition") return rule;
    const rest = { ...rule };
    delete rest.campaignId;
    return campaignId === undefined ? rest : { ...rest, campaignId };
  });
}

/** How deep the rule at `path` sits: the root is level 1. */
export const levelOf = (path: RulePath) => path.length + 1;

export function pathKey(path: RulePath): string {
  return path.join(".");
}

/**
 * The first message per rule of a failed parse or a compiler error, keyed by the rule's path key.
 * Issue paths look like ["root", "rules", 1, "rules", 0, "value"] or "root.rules.1.value"; anything
 * on the definition itself (its time zone, the depth limit) lands under "".
 */
export function issuesByRule(issues: readonly { path: readonly PropertyKey[] | string; message: string }[]): Map<string, string> {
  const byRule = new Map<string, string>();
  for (const issue of issues) {
    const parts = typeof issue.path === "string" ? issue.path.split(".") : issue.path.map(String);
    const start = parts.indexOf("root");
    const indexes: number[] = [];
    for (let i = start + 1; start >= 0 && i < parts.length - 1; i += 2) {
      if (parts[i] !== "rules" || !/^\d+$/.test(parts[i + 1]!)) break;
      indexes.push(Number(parts[i + 1]));
    }
    const key = pathKey(indexes);
    if (!byRule.has(key)) byRule.set(key, issue.message);
  }
  return byRule;
}

/** A rule still waiting for its value: nothing typed or chosen yet (or one end of a range). */
export function isIncomplete(rule: SegmentCondition): boolean {
  if (OPERATOR_VALUES[rule.operator] === "none") return false;
  const v = rule.value;
  if (v === undefined || (typeof v === "string" && v.trim() === "")) return true;
  return Array.isArray(v) && (v.length === 0 || v.some((part) => part === undefined || part === null));
}

/** The paths (as keys) of the incomplete rules under `group`. */
export function incompleteRules(group: SegmentGroup, path: RulePath = []): string[] {
  return group.rules.flatMap((rule, i) =>
    rule.type === "group" ? incompleteRules(rule, [...path, i]) : isIncomplete(rule) ? [pathKey([...path, i])] : [],
  );
}
