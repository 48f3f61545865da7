// Message templates with merge fields: {{first_name}}, {{custom.birthday}}, and a fallback for
// contacts without the value: {{first_name|there}}. Unknown fields are refused when a template is
// saved (validateTemplate), so a campaign never goes out with "{{frist_name}}" in it.
export const STANDARD_FIELDS = ["first_name", "last_name", "phone", "email"] as const;
export type StandardField = (typeof STANDARD_FIELDS)[number];

export interface MergeField {
  /** "first_name" or "custom.<key>". */
  name: string;
  fallback: string | null;
  /** The whole tag as written, e.g. "{{ first_name | there }}". */
  raw: string;
}

type Part = string | MergeField;

const TAG = /\{\{([^{}]*)\}\}/g;

export function parseTemplate(body: string): Part[] {
  const parts: Part[] = [];
  let last = 0;
  for (const match of body.matchAll(TAG)) {
    if (match.index > last) parts.push(body.slice(last, match.index));
    const [name, ...rest] = match[1]!.split("|");
    parts.push({ name: name!.trim(), fallback: rest.length > 0 ? rest.join("|").trim() : null, raw: match[0] });
    last = match.index + match[0].length;
  }
  if (last < body.length) parts.push(body.slice(last));
  return parts;
}

/** Whether a body is meant as a template: anything with braces is checked (and rendered) as one. */
export const hasMergeFields = (body: string): boolean => body.includes("{{") || body.includes("}}");

export type TemplateCheck = { ok: true; fields: MergeField[] } | { ok: false; message: string };

/** Refuses unknown fields and unbalanced braces, naming what is wrong. */
export function validateTemplate(body: string, customFieldKeys: readonly string[]): TemplateCheck {
  const fields = parseTemplate(body).filter((p): p is MergeField => typeof p !== "string");
  for (const field of fields) {
    const known =
      (STANDARD_FIELDS as readonly string[]).includes(field.name) ||
      (field.name.startsWith("custom.") && customFieldKeys.includes(field.name.slice("custom.".length)));
    if (!field.name) return { ok: false, message: `Empty merge field ${field.raw}` };
    if (!known) {
      const choices = [...STANDARD_FIELDS, ...customFieldKeys.map((k) => `custom.${k}`)].map((f) => `{{${f}}}`).join(", ");
      return { ok: false, message: `Unknown merge field ${field.raw}; use one of ${choices}` };
    }
  }
  const leftover = body.replace(TAG, "");
  if (leftover.includes("{{") || leftover.includes("}}")) {
    return { ok: false, message: "Unbalanced braces: merge fields are written {{field}} or {{field|fallback}}" };
  }
  return { ok: true, fields };
}

export interface MergeContact {
  firstName: string | null;
  lastName: string | null;
  phone: string;
  email: string | null;
  customFields: Record<string, string | number | boolean>;
}

function valueOf(contact: MergeContact, name: string): string {
  const standard: Record<StandardField, string | null> = {
    first_name: contact.firstName,
    last_name: contact.lastName,
    phone: contact.phone,
    email: contact.email,
  };
  const value = name.startsWith("custom.") ? contact.customFields[name.slice("custom.".length)] : standard[name as StandardField];
  if (value === undefined || value === null) return "";
  if (typeof value === "boolean") return value ? "yes" : "no";
  return String(value).trim();
}

/** The message for one contact: each field's value, else its fallback, else nothing. */
export function renderTemplate(body: string, contact: MergeContact): string {
  return renderParts(parseTemplate(body), contact);
}

/** renderTemplate for many contacts, the template parsed once. */
export function renderTemplateForEach(body: string, contacts: readonly MergeContact[]): string[] {
  const parts = parseTemplate(body);
  return contacts.map((contact) => renderParts(parts, contact));
}

function renderParts(parts: readonly Part[], contact: MergeContact): string {
  return parts.map((part) => (typeof part === "string" ? part : valueOf(contact, part.name) || (part.fallback ?? ""))).join("");
}

/** The fields that would come out empty for this contact: no value and no fallback. */
export function emptyFields(fields: readonly MergeField[], contact: MergeContact): MergeField[] {
  return fields.filter((field) => field.fallback === null && valueOf(contact, field.name) === "");
}
