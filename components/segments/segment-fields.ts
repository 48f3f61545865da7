// The fields the builder offers: the standard ones, grouped as STANDARD_SEGMENT_FIELDS groups them,
// then the org's custom fields (`custom.<key>`, typed by their definition).
import { STANDARD_SEGMENT_FIELDS, type FieldType } from "@/lib/segments/rule-model";

export interface FieldOption {
  field: string;
  label: string;
  type: FieldType;
  group: string;
}

const CUSTOM_FIELD_TYPES: Record<"TEXT" | "NUMBER" | "DATE" | "BOOLEAN", FieldType> = {
  TEXT: "text",
  NUMBER: "number",
  DATE: "date",
  BOOLEAN: "boolean",
};

export function segmentFieldOptions(customFields: readonly { key: string; label: string; type: keyof typeof CUSTOM_FIELD_TYPES }[]): FieldOption[] {
  return [
    ...STANDARD_SEGMENT_FIELDS,
    ...customFields.map((f) => ({ field: `custom.${f.key}`, label: f.label, type: CUSTOM_FIELD_TYPES[f.type], group: "Custom fields" })),
  ];
}

/** The options in their groups, in first-seen order, for the field picker's <optgroup>s. */
export function groupFieldOptions(options: readonly FieldOption[]): [string, FieldOption[]][] {
  const groups = new Map<string, FieldOption[]>();
  for (const option of options) groups.set(option.group, [...(groups.get(option.group) ?? []), option]);
  return [...groups];
}
