// The contact schemas: pure zod, shared by the contact form, the tRPC procedures and the REST API.
import { z } from "zod";
import { tagSchema } from "@/lib/lists/tag-schema";
import { segmentDefinition } from "@/lib/segments/rule-model";
import { isValidTimeZone } from "@/lib/sms/time-zone";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters`)
    .transform((s) => (s === "" ? null : s))
    .nullish();

const contactFields = {
  phone: z.string().trim().min(1, "Phone number is required").max(40, "That is too long for a phone number"),
  firstName: optionalText(100),
  lastName: optionalText(100),
  email: z
    .union([z.literal(""), z.email("Enter a valid email address").max(254)])
    .transform((s) => (s === "" ? null : s.toLowerCase()))
    .nullish(),
  timeZone: z
    .string()
    .trim()
    .refine((z) => z === "" || isValidTimeZone(z), "Unknown time zone (use an IANA name like America/Chicago)")
    .transform((s) => (s === "" ? null : s))
    .nullish(),
  tags: z.array(tagSchema).max(50, "At most 50 tags").transform((t) => [...new Set(t)]),
  customFields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
};

export const createContactInput = z
  .object({ ...contactFields, tags: contactFields.tags.default([]), customFields: contactFields.customFields.default({}) })
  .strict();
export type CreateContactInput = z.input<typeof createContactInput>;

export const updateContactInput = z
  .object({ id: z.string().min(1), ...contactFields })
  .partial({ phone: true, tags: true, customFields: true })
  .strict();
export type UpdateContactInput = z.input<typeof updateContactInput>;

/** Create or update by phone number: the fields given are written, the others kept (or defaulted when new). */
export const upsertContactInput = updateContactInput.omit({ id: true }).extend({ phone: contactFields.phone });
export type UpsertContactInput = z.input<typeof upsertContactInput>;

export const contactIdsInput = z
  .object({ ids: z.array(z.string().min(1)).min(1, "Select at least one contact").max(1000, "At most 1,000 at a time") })
  .strict();

export const tagContactsInput = contactIdsInput
  .extend({ add: z.array(tagSchema).default([]), remove: z.array(tagSchema).default([]) })
  .strict();

/** The orders of the contacts table; "created" is newest first by default. */
export const CONTACT_SORTS = ["created", "name", "phone", "status"] as const;
export type ContactSort = (typeof CONTACT_SORTS)[number];

/** Which contacts: the quick filters (list, tag, consent) and a segment definition, ANDed, and the search box. */
export const contactFilterInput = z
  .object({
    search: z.string().trim().max(100).optional(),
    listId: z.string().optional(),
    tag: tagSchema.optional(),
    status: z.enum(["OPTED_IN", "OPTED_OUT"]).optional(),
    definition: segmentDefinition.optional(),
  })
  .strict();
export type ContactFilterInput = z.input<typeof contactFilterInput>;

export const listContactsInput = contactFilterInput
  .extend({
    sort: z.enum(CONTACT_SORTS, "Sort by created, name, phone or status").default("created"),
    dir: z.enum(["asc", "desc"], "Use asc or desc").default("desc"),
    /** nextCursor of the page before, in the same order. */
    cursor: z.string().max(600).optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();
export type ListContactsInput = z.input<typeof listContactsInput>;

export const countContactsInput = contactFilterInput;

/** A bulk action on every contact a view matches ("select all N matching"), not on ids from the browser. */
export const bulkContactsInput = z
  .object({
    filter: contactFilterInput,
    action: z.discriminatedUnion("kind", [
      z.strictObject({ kind: z.literal("tag"), add: z.array(tagSchema).default([]), remove: z.array(tagSchema).default([]) }),
      z.strictObject({ kind: z.literal("add_to_list"), listId: z.string().min(1) }),
      z.strictObject({ kind: z.literal("remove_from_list"), listId: z.string().min(1) }),
      z.strictObject({ kind: z.literal("delete") }),
    ]),
  })
  .strict();
export type BulkContactsInput = z.input<typeof bulkContactsInput>;
