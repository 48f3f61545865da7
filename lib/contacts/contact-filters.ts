// The contacts view's filters are a segment definition: the quick filters (list, tag, consent) are
// rules, ANDed with an advanced definition built in the segment builder, and all of it runs through
// the segment compiler. Pure, so the page (its URL, "Save as segment") and REST share it.
import type { SegmentCondition, SegmentDefinition, SegmentGroup } from "@/lib/segments/rule-model";

export interface QuickFilters {
  listId?: string | null;
  tag?: string | null;
  status?: "OPTED_IN" | "OPTED_OUT" | null;
}

export function quickFilterRules({ listId, tag, status }: QuickFilters): SegmentCondition[] {
  const rules: SegmentCondition[] = [];
  if (listId) rules.push({ type: "condition", field: "lists", operator: "in", value: [listId] });
  if (tag) rules.push({ type: "condition", field: "tags", operator: "has_any", value: [tag] });
  if (status) rules.push({ type: "condition", field: "consent.status", operator: "is_any_of", value: [status === "OPTED_IN" ? "opted_in" : "opted_out"] });
  return rules;
}

/**
 * One definition for the quick filters and the advanced one: the quick rules first, then the
 * advanced root, unwrapped when it is an "all" group so a saved segment reads flat.
 */
export function contactsViewDefinition(quick: QuickFilters, advanced?: SegmentDefinition | null): SegmentDefinition {
  const rules: SegmentGroup["rules"] = quickFilterRules(quick);
  const root = advanced?.root;
  if (root && root.rules.length > 0) {
    if (root.match === "all") rules.push(...root.rules);
    else rules.push(root);
  }
  return { timeZone: advanced?.timeZone ?? "UTC", root: { type: "group", match: "all", rules } };
}
