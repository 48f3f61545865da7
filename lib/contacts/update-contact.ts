import { recordAudit } from "@/lib/audit/record-audit";
import { updateContactInput, type UpdateContactInput } from "@/lib/contacts/contact-input";
import { contactOmit } from "@/lib/contacts/contact-select";
import { checkCustomValues, orgDefaultCountry, toE164 } from "@/lib/contacts/prepare-contact";
import type { CustomFieldValues } from "@/lib/custom-fields/custom-field-input";
import { isUniqueViolation } from "@/lib/db/errors";
import { DomainError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrgContext } from "@/lib/org-context";
import { timeZoneForPhone } from "@/lib/sms/phone";

const AUDITED = ["phone", "firstName", "lastName", "email", "timeZone", "tags", "customFields"] as const;

export async function updateContact(ctx: OrgContext, raw: UpdateContactInput) {
  const { id, ...input } = updateContactInput.parse(raw);
  const phone = input.phone === undefined ? undefined : toE164(input.phone, await orgDefaultCountry(ctx));
  try {
    return await ctx.db.$transaction(async (tx) => {
      const before = await tx.contact.findUnique({ where: { id }, omit: contactOmit });
      if (!before) throw notFound("Contact", "id");
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
      const after = await tx.contact.update({ where: { id }, data, omit: contactOmit });
      const changes = Object.fromEntries(
        AUDITED.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).map((k) => [
          k,
          { from: before[k], to: after[k] },
        ]),
      ) as Prisma.InputJsonObject;
      if (Object.keys(changes).length > 0) {
        await recordAudit(ctx, tx, { action: "contact.updated", targetType: "contact", targetId: id, changes });
      }
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new DomainError("CONFLICT", `Another contact already has the number ${phone}`, "phone");
    }
    throw error;
  }
}
