// Merge fields on the send path: a body with {{first_name}} or {{custom.points}} is checked against
// the org's fields (an unknown one is refused, named) and rendered for each recipient before it is
// priced, so the stored body, its segments and its price are what the contact receives.
//
// A recipient who is not a contact of the org (yet) has no values but its number: {{phone}} and
// fields with a fallback render, a field with neither is refused naming the field and the number,
// rather than a stranger getting "Hi ," (a contact who merely lacks the value gets the fallback, or
// nothing, as they would in a campaign).
import { orgSql } from "@/lib/db/sql";
import { DomainError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrgContext } from "@/lib/org-context";
import { emptyFields, renderTemplate, validateTemplate, type MergeContact, type MergeField } from "@/lib/sms/templates";

export interface MergeData {
  /** The org's custom field keys: {{custom.<key>}}. */
  keys: readonly string[];
  /** The recipients that are contacts, by E.164 number (or by id, for renderForContacts). */
  contacts: ReadonlyMap<string, MergeContact>;
}

interface ContactRow {
  id: string;
  phone: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  customFields: Record<string, string | number | boolean>;
}

const COLUMNS = Prisma.raw(`id, phone, "firstName", "lastName", email, "customFields"`);

export async function customFieldKeys(ctx: OrgContext): Promise<string[]> {
  const rows = await orgSql(ctx).$queryRaw<{ key: string }[]>`SELECT key FROM "CustomFieldDefinition" WHERE "orgId" = ${ctx.orgId} ORDER BY "createdAt", id`;
  return rows.map((r) => r.key);
}

/** The contacts among these numbers or ids, in one query. */
export async function loadMergeContacts(ctx: OrgContext, by: { phones: string[] } | { ids: string[] }): Promise<ContactRow[]> {
  const db = orgSql(ctx);
  if ("phones" in by) {
    if (by.phones.length === 0) return [];
    return db.$queryRaw<ContactRow[]>`SELECT ${COLUMNS} FROM "Contact" WHERE "orgId" = ${ctx.orgId} AND phone = ANY(${by.phones}::text[])`;
  }
  if (by.ids.length === 0) return [];
  return db.$queryRaw<ContactRow[]>`SELECT ${COLUMNS} FROM "Contact" WHERE "orgId" = ${ctx.orgId} AND id = ANY(${by.ids}::text[])`;
}

/** The template's fields, or the error naming the unknown one (on `body`, where the form shows it). */
export function checkTemplate(body: string, keys: readonly string[]): MergeField[] {
  const check = validateTemplate(body, keys);
  if (!check.ok) throw new DomainError("BAD_REQUEST", check.message, "body", "unknown_merge_field");
  return check.fields;
}

export type Rendered = { ok: true; text: string } | { ok: false; error: DomainError };

/**
 * The body as `phone` receives it. `checked` caches each distinct body's check for the batch, so
 * a thousand messages with one body parse and check it once.
 */
export function renderForRecipient(body: string, phone: string, merge: MergeData, checked: Map<string, MergeField[] | DomainError>): Rendered {
  let fields = checked.get(body);
  if (!fields) {
    try {
      fields = checkTemplate(body, merge.keys);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      fields = error;
    }
    checked.set(body, fields);
  }
  if (fields instanceof DomainError) return { ok: false, error: fields };
  const contact = merge.contacts.get(phone);
  if (!contact) {
    const stranger: MergeContact = { firstName: null, lastName: null, email: null, phone, customFields: {} };
    const empty = emptyFields(fields, stranger)[0];
    if (empty) {
      const message = `${phone} is not a contact of this organisation, so ${empty.raw} has no value: give it a fallback ({{${empty.name}|...}}) or add the contact first`;
      return { ok: false, error: new DomainError("BAD_REQUEST", message, "body", "merge_field_without_value") };
    }
    return { ok: true, text: renderTemplate(body, stranger) };
  }
  return { ok: true, text: renderTemplate(body, contact) };
}

export function mergeContact(row: ContactRow): MergeContact {
  return { firstName: row.firstName, lastName: row.lastName, phone: row.phone, email: row.email, customFields: row.customFields ?? {} };
}
