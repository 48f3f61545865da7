// Custom field definitions and values: pure code, shared by forms, procedures and the API.
import { z } from "zod";
import type { CustomFieldType } from "@/lib/generated/prisma/enums";

export const CUSTOM_FIELD_TYPES = ["TEXT", "NUMBER", "DATE", "BOOLEAN"] as const satisfies readonly CustomFieldType[];

export const CUSTOM_FIELD_TYPE_LABELS: Record<CustomFieldType, string> = {
  TEXT: "Text",
  NUMBER: "Number",
  DATE: "Date",
  BOOLEAN: "Yes / no",
};

export const createCustomFieldInput = z
  .object({
    label: z.string().trim().min(1, "Enter a label").max(60),
    // The key is what merge fields use: {{custom.birthday}}.
    key: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{0,39}$/, "Use lower-case letters, digits and _ (start with a letter, max 40)"),
    type: z.enum(CUSTOM_FIELD_TYPES),
  })
  .strict();
export type CreateCustomFieldInput = z.infer<typeof createCustomFieldInput>;

export type CustomFieldValue = string | number | boolean;
export type CustomFieldValues = Record<string, CustomFieldValue>;

export interface FieldDefinition {
  key: string;
  label: string;
  type: CustomFieldType;
}

export type CustomValuesResult =
  | { ok: true; values: CustomFieldValues }
  | { ok: false; field: string; message: string };

const TRUE_WORDS = new Set(["true", "yes", "y", "1"]);
const FALSE_WORDS = new Set(["false", "no", "n", "0"]);

function coerce(def: FieldDefinition, raw: unknown): { value: CustomFieldValue } | { error: string } {
  const text = typeof raw === "string" ? raw.trim() : raw;
  switch (def.type) {
    case "TEXT":
      if (typeof text !== "string" && typeof text !== "number") return { error: "must be text" };
      if (String(text).length > 1000) return { error: "must be at most 1000 characters" };
      return { value: String(text) };
    case "NUMBER": {
      // Number("") is 0: text with nothing left after dropping separators is not a number.
      const digits = typeof text === "string" ? text.replace(/,/g, "") : "";
      const n = typeof text === "number" ? text : digits !== "" ? Number(digits) : NaN;
      return Number.isFinite(n) ? { value: n } : { error: `must be a number, got "${String(raw)}"` };
    }
    case "DATE": {
      const s = typeof text === "string" ? text : "";
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
      const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
      if (!m || !d || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) {
        return { error: `must be a date as YYYY-MM-DD, got "${String(raw)}"` };
      }
      return { value: s };
    }
    case "BOOLEAN": {
      if (typeof text === "boolean") return { value: text };
      const w = String(text).toLowerCase();
      if (TRUE_WORDS.has(w)) return { value: true };
      if (FALSE_WORDS.has(w)) return { value: false };
      return { error: `must be yes or no, got "${String(raw)}"` };
    }
  }
}

/**
 * Checks values against the org's definitions and returns them typed. Empty values remove the
 * field. `base` holds the contact's current values, which the result starts from.
 */
export function validateCustomValues(
  definitions: FieldDefinition[],
  input: Record<string, unknown>,
  base: CustomFieldValues = {},
): CustomValuesResult {
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const values: CustomFieldValues = { ...base };
  for (const [key, raw] of Object.entries(input)) {
    const def = byKey.get(key);
    if (!def) return { ok: false, field: `customFields.${key}`, message: `Unknown custom field "${key}"` };
    // Only spaces count as empty too (a cleared form input), or NUMBER would read them as 0.
    if (raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "")) {
      delete values[key];
      continue;
    }
    const result = coerce(def, raw);
    if ("error" in result) return { ok: false, field: `customFields.${key}`, message: `${def.label} ${result.error}` };
    values[key] = result.value;
  }
  return { ok: true, values };
}
