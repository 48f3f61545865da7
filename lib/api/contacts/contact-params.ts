// The contacts resource's parameters in the API's snake_case, built from the domain's own field
// schemas (lib/contacts/contact-input.ts) so each rule is written once, and mapped to the domain
// inputs here and nowhere else.
import { z } from "zod";
import { paginationParams } from "@/lib/api/pagination";
import {
  createContactInput,
  listContactsInput,
  updateContactInput,
  type CreateContactInput,
  type ListContactsInput,
  type UpdateContactInput,
  type UpsertContactInput,
} from "@/lib/contacts/contact-input";

const create = createContactInput.shape;
const update = updateContactInput.shape;
const list = listContactsInput.shape;

export const createContactParams = z.strictObject({
  phone: create.phone.describe("E.164, or national form in the organisation's default country"),
  first_name: create.firstName,
  last_name: create.lastName,
  email: create.email,
  time_zone: create.timeZone.describe("IANA name, e.g. America/Chicago; guessed from the number when left out"),
  tags: create.tags,
  custom_fields: create.customFields.describe("Values of the organisation's custom fields, by key"),
});

/** PATCH: only the fields given change; null clears a text field. */
export const updateContactParams = z.strictObject({
  phone: update.phone,
  first_name: update.firstName,
  last_name: update.lastName,
  email: update.email,
  time_zone: update.timeZone,
  tags: update.tags.describe("Replaces the contact's tags"),
  custom_fields: update.customFields.describe("Merged into the contact's values; null removes one"),
});

/** Upsert: the phone says which contact; the other fields given are written, the rest kept. */
export const upsertContactParams = updateContactParams.extend({ phone: createContactParams.shape.phone });

type UpdateParams = z.output<typeof updateContactParams>;

function toFields(p: UpdateParams) {
  return { firstName: p.first_name, lastName: p.last_name, email: p.email, timeZone: p.time_zone, tags: p.tags, customFields: p.custom_fields };
}

export const toCreateContactInput = (p: z.output<typeof createContactParams>): CreateContactInput => ({ phone: p.phone, ...toFields(p) });
export const toUpdateContactInput = (id: string, p: UpdateParams): UpdateContactInput => ({ id, phone: p.phone, ...toFields(p) });
export const toUpsertContactInput = (p: z.output<typeof upsertContactParams>): UpsertContactInput => ({ phone: p.phone, ...toFields(p) });

const status = z.enum(["subscribed", "unsubscribed"], "must be subscribed or unsubscribed");

export const listContactsParams = z.strictObject({
  ...paginationParams,
  list_id: z.string().trim().min(1).max(64).optional().describe("Only members of this list"),
  tag: list.tag,
  status: status.optional().describe("Consent: subscribed (opted in) or unsubscribed (opted out)"),
  search: list.search.describe("Matches name, phone number and email"),
});

/** The members of one list: the same filters but the list. */
export const listMembersParams = listContactsParams.omit({ list_id: true });

export function toListContactsInput(p: Partial<z.output<typeof listContactsParams>> & z.output<typeof listMembersParams>): ListContactsInput {
  return {
    limit: p.limit,
    cursor: p.starting_after,
    listId: p.list_id,
    tag: p.tag,
    status: p.status && (p.status === "subscribed" ? "OPTED_IN" : "OPTED_OUT"),
    search: p.search,
  };
}
