import { recordAudit } from "@/lib/audit/record-audit";
import { updateContactInput, type UpdateContactInput } from "@/lib/contacts/contact-input";
import { tagAddedTriggers } from "@/lib/contacts/contact-triggers";
import { announceTriggers } from "@/lib/events/announce-triggers";
import { contactOmit } from "@/lib/contacts/contact-select";
import { checkCustomValues, orgDefaultCountry, toE164 } from "@/lib/contacts/prepare-contact";
import type { CustomFieldValues } from "@/lib/custom-fields/custom-field-input";
import { isUniqueViolation } from "@/lib/db/errors";
import { DomainError, notFound } from "@/lib/errors";
import type { Contact, Prisma } from "@/lib/generated/prisma/client";
import type { OrgContext, ScopedTx } from "@/lib/org-context";
import { timeZoneForPhone } from "@/lib/sms/phone";
import type { z } from "zod";

const AUDITED = ["phone", "firstName", "lastName", "email", "timeZone", "tags", "customFields"] as const;

/** Parsed update fields, with the phone (when given) already in E.164. */
export type ContactChanges = Omit<z.output<typeof updateContactInput>, "id">;
type StoredContact = Omit<Contact, "searchText" | "sortName">;

export async function updateContact(ctx: OrgContext, raw: UpdateContactInput) {
  const { id, ...input } = updateContactInput.parse(raw);
  const phone = input.phone === undefined ? undefined : toE164(input.phone, await orgDefaultCountry(ctx));
  try {
    return await ctx.db.$transaction(async (tx) => {
      const before = await tx.contact.findUnique({ where: { id }, omit: contactOmit });
      if (!before) throw notFound("Contact", "id");
      const { contact, changes } = await writeContactChanges(ctx, tx, before, { ...input, phone });
      if (changes) await recordAudit(ctx, tx, { action: "contact.updated", targetType: "contact", targetId: id, changes });
      return contact;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new DomainError("CONFLICT", `Another contact already has the number ${phone}`, "phone", "contact_exists");
    }
    throw error;
  }
}

/**
 * Writes the given fields over `before` in the caller's transaction (upsert-contact.ts shares it);
 * answers the contact as written and what changed (for the audit entry), or null for no change.
 */
export async function writeContactChanges(ctx: OrgContext, tx: ScopedTx, before: StoredContact, input: ContactChanges) {
  const { phone } = input;
  // A new number without a zone given: the zone follows the number when it can be told.
  const movedZone = phone !== undefined && phone !== before.phone ? timeZoneForPhone(phone) : null;
  const data: Prisma.ContactUncheckedUpdateInput = {
    ...(phone !== undefined && { phone }),
    ...(input.firstName !== undefined && { firstName: input.firstName }),
    ...(input.lastName !== undefined && { lastName: input.lastName }),
    ...(input.email !== undefined && { email: input.email }),
    ...(input.timeZone !== undefined && { timeZone: input.timeZone }),
    ...(input.timeZone === undefined && movedZone && { timeZone: movedZone }),
    ...(input.tags !== undefined && { tags: input.tags }),
    ...(input.customFields !== undefined && {
      customFields: await checkCustomValues(ctx, tx, input.customFields, before.customFields as CustomFieldValues),
    }),
  };
  const contact = await tx.contact.update({ where: { id: before.id }, data, omit: contactOmit });
  await announceTriggers(tx, tagAddedTriggers(ctx, [{ id: contact.id, from: before.tags, to: contact.tags }]));
  const changes = Object.fromEntries(
    AUDITED.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(contact[k])).map((k) => [k, { from: before[k], to: contact[k] }]),
  ) as Prisma.InputJsonObject;
  return { contact, changes: Object.keys(changes).length > 0 ? changes : null };
}
