// A rule as a marketer reads it: "Tags has any of vip, loyalty", "Created in the last 30 days".
import type { FieldOption } from "@/components/segments/segment-fields";
import { OPERATOR_LABELS, OPERATOR_VALUES, type SegmentCondition } from "@/lib/segments/rule-model";

const N_DAYS = /N days/;

export function describeRule(rule: SegmentCondition, fields: readonly FieldOption[], labelOf: (field: string, value: string) => string): string {
  const label = fields.find((f) => f.field === rule.field)?.label ?? rule.field;
  const field = rule.campaignId ? `${label} of one campaign` : label;
  const op = OPERATOR_LABELS[rule.operator];
  const v = rule.value;
  switch (OPERATOR_VALUES[rule.operator]) {
    case "none":
      return `${field} ${op}`;
    case "days":
      return `${field} ${N_DAYS.test(op) ? op.replace(N_DAYS, `${String(v)} days`) : `${op} ${String(v)}`}`;
    case "range":
    case "day_range":
      return Array.isArray(v) ? `${field} ${op} ${String(v[0])} and ${String(v[1])}` : `${field} ${op}`;
    case "texts":
      return `${field} ${op} ${Array.isArray(v) ? v.map((x) => labelOf(rule.field, String(x))).join(", ") : ""}`;
    case "text":
      return `${field} ${op} “${String(v ?? "")}”`;
    default:
      return `${field} ${op} ${String(v)}`;
  }
}
