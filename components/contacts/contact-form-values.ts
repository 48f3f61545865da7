// The contact form works in strings (what inputs hold); these convert to and from the contact
// input the procedures take, so the form and the server validate the very same object.
import type { CreateContactInput } from "@/lib/contacts/contact-input";
import type { FieldDefinition } from "@/lib/custom-fields/custom-field-input";
import { parseTags } from "@/components/contacts/tags";

export interface ContactFormValues {
  phone: string;
  firstName: string;
  lastName: string;
  email: string;
  timeZone: string;
  tags: string;
  customFields: Record<string, string>;
}

export const EMPTY_CONTACT: ContactFormValues = {
  phone: "",
  firstName: "",
  lastName: "",
  email: "",
  timeZone: "",
  tags: "",
  customFields: {},
};

interface ContactLike {
  phone: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  timeZone: string | null;
  tags: string[];
  customFields: unknown;
}

export function contactToFormValues(c: ContactLike): ContactFormValues {
  const custom = (c.customFields ?? {}) as Record<string, unknown>;
  return {
    phone: c.phone,
    firstName: c.firstName ?? "",
    lastName: c.lastName ?? "",
    email: c.email ?? "",
    timeZone: c.timeZone ?? "",
    tags: c.tags.join(", "),
    customFields: Object.fromEntries(Object.entries(custom).map(([k, v]) => [k, v == null ? "" : String(v)])),
  };
}

/**
 * Every defined custom field is sent, blank ones as null: the server treats null as "remove",
 * which is how clearing a value on the edit form takes effect.
 */
export function formValuesToInput(values: ContactFormValues, definitions: FieldDefinition[]): CreateContactInput {
  return {
    phone: values.phone,
    firstName: values.firstName,
    lastName: values.lastName,
    email: values.email,
    timeZone: values.timeZone,
    tags: parseTags(values.tags),
    customFields: Object.fromEntries(
      definitions.map((d) => {
        const raw = (values.customFields[d.key] ?? "").trim();
        if (raw === "") return [d.key, null];
        return [d.key, d.type === "BOOLEAN" ? raw === "true" : raw];
      }),
    ),
  };
}

/** The form's name for a schema issue's path: nested custom fields keep their key. */
export function issueField(path: readonly PropertyKey[]): string {
  const [first, second] = path;
  if (first === "customFields" && second !== undefined) return `customFields.${String(second)}`;
  return String(first ?? "form");
}
