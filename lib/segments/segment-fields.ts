// Which field a rule names, what type it has and whether it takes the rule's operator: the checks
// the zod shape cannot make (they need the org's custom fields). Errors name the rule's path.
import type { FieldDefinition } from "@/lib/custom-fields/custom-field-input";
import { DomainError } from "@/lib/errors";
import type { CustomFieldType } from "@/lib/generated/prisma/enums";
import {
  FIELD_TYPE_OPERATORS,
  OPERATOR_LABELS,
  STANDARD_SEGMENT_FIELDS,
  type FieldType,
  type SegmentCondition,
  type StandardSegmentField,
} from "@/lib/segments/rule-model";

export type ResolvedField =
  | { kind: "standard"; field: StandardSegmentField; label: string; type: FieldType }
  | { kind: "custom"; key: string; label: string; type: FieldType; customType: CustomFieldType };

const CUSTOM_TYPES: Record<CustomFieldType, FieldType> = { TEXT: "text", NUMBER: "number", DATE: "date", BOOLEAN: "boolean" };
const STANDARD = new Map<string, (typeof STANDARD_SEGMENT_FIELDS)[number]>(STANDARD_SEGMENT_FIELDS.map((f) => [f.field, f]));

export const badRule = (message: string, path: string) => new DomainError("BAD_REQUEST", message, path, "invalid_parameter");

/** The field of `rule` (at `path`, e.g. "definition.root.rules.0"), checked to take its operator. */
export function resolveField(rule: SegmentCondition, path: string, customFields: ReadonlyMap<string, FieldDefinition>): ResolvedField {
  let resolved: ResolvedField;
  if (rule.field.startsWith("custom.")) {
    const key = rule.field.slice("custom.".length);
    const def = customFields.get(key);
    if (!def) throw badRule(`There is no custom field "${key}"`, `${path}.field`);
    resolved = { kind: "custom", key, label: def.label, type: CUSTOM_TYPES[def.type], customType: def.type };
  } else {
    const std = STANDARD.get(rule.field);
    if (!std) throw badRule(`Unknown field "${rule.field}"`, `${path}.field`);
    resolved = { kind: "standard", field: std.field, label: std.label, type: std.type };
  }
  if (!(FIELD_TYPE_OPERATORS[resolved.type] as readonly string[]).includes(rule.operator)) {
    throw badRule(`${resolved.label} cannot use "${OPERATOR_LABELS[rule.operator]}"`, `${path}.operator`);
  }
  if (rule.source !== undefined && rule.field !== "engagement.received") {
    throw badRule(`Only "Received a message" rules take a source`, `${path}.source`);
  }
  if (rule.campaignId !== undefined && rule.field !== "engagement.clicked") {
    throw badRule(`Only "Clicked a link" rules take a campaign`, `${path}.campaignId`);
  }
  return resolved;
}
