import { recordAudit } from "@/lib/audit/record-audit";
import { createContactInput, type CreateContactInput } from "@/lib/contacts/contact-input";
import { contactOmit } from "@/lib/contacts/contact-select";
import { contactCreatedTriggers } from "@/lib/contacts/contact-triggers";
import { announceTriggers } from "@/lib/events/announce-triggers";
import { checkCustomValues, contactSource, orgDefaultCountry, toE164 } from "@/lib/contacts/prepare-contact";
import { isUniqueViolation } from "@/lib/db/errors";
import { DomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import type { OrgContext } from "@/lib/org-context";
import { timeZoneForPhone } from "@/lib/sms/phone";

export async function createContact(ctx: OrgContext, raw: CreateContactInput) {
  const input = createContactInput.parse(raw);
  const phone = toE164(input.phone, await orgDefaultCountry(ctx));
  try {
    return await ctx.db.$transaction(async (tx) => {
      const existing = await tx.contact.findFirst({ where: { phone }, select: { id: true } });
      if (existing) throw duplicate(phone);
      const contact = await tx.contact.create({
        data: {
          id: newId("contact"),
          orgId: ctx.orgId,
          phone,
          firstName: input.firstName ?? null,
          lastName: input.lastName ?? null,
          email: input.email ?? null,
          timeZone: input.timeZone ?? timeZoneForPhone(phone),
          tags: input.tags,
          customFields: await checkCustomValues(ctx, tx, input.customFields),
          optedInAt: new Date(),
          source: contactSource(ctx),
        },
        omit: contactOmit,
      });
      await recordAudit(ctx, tx, { action: "contact.created", targetType: "contact", targetId: contact.id, changes: { phone } });
      await announceTriggers(tx, contactCreatedTriggers(ctx, contact.id, contact.tags));
      return contact;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate(phone);
    throw error;
  }
}

function duplicate(phone: string) {
  return new DomainError("CONFLICT", `A contact with the number ${phone} already exists`, "phone", "contact_exists");
}
