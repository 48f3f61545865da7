// Create or update the contact with a phone number, in one step that concurrent callers cannot
// trip over: the row is claimed with INSERT ... ON CONFLICT DO UPDATE (the same claim an inbound
// text makes in receive-message.ts), so of two upserts of a new number one inserts and the other
// waits on the row lock and then updates. Neither sees a unique violation, whatever the timing.
import { recordAudit } from "@/lib/audit/record-audit";
import { upsertContactInput, type UpsertContactInput } from "@/lib/contacts/contact-input";
import { contactCreatedTriggers } from "@/lib/contacts/contact-triggers";
import { announceTriggers } from "@/lib/events/announce-triggers";
import { contactOmit } from "@/lib/contacts/contact-select";
import { contactSource, orgDefaultCountry, toE164 } from "@/lib/contacts/prepare-contact";
import { writeContactChanges } from "@/lib/contacts/update-contact";
import { newId } from "@/lib/ids";
import type { OrgContext } from "@/lib/org-context";
import { timeZoneForPhone } from "@/lib/sms/phone";

export async function upsertContact(ctx: OrgContext, raw: UpsertContactInput) {
  const input = upsertContactInput.parse(raw);
  const phone = toE164(input.phone, await orgDefaultCountry(ctx));
  return ctx.db.$transaction(async (tx) => {
    const id = newId("contact");
    // Raw SQL is not scoped by the client: orgId is written explicitly. Times as Prisma writes them (UTC).
    const [claimed] = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "Contact" (id, "orgId", phone, "timeZone", source, "optedInAt", "updatedAt")
      VALUES (${id}, ${ctx.orgId}, ${phone}, ${timeZoneForPhone(phone)}, ${contactSource(ctx)}, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
      ON CONFLICT ("orgId", phone) DO UPDATE SET phone = EXCLUDED.phone
      RETURNING id`;
    const created = claimed!.id === id;
    const before = await tx.contact.findUniqueOrThrow({ where: { id: claimed!.id }, omit: contactOmit });
    const { contact, changes } = await writeContactChanges(ctx, tx, before, { ...input, phone });
    if (created) {
      await recordAudit(ctx, tx, { action: "contact.created", targetType: "contact", targetId: contact.id, changes: { phone } });
      await announceTriggers(tx, contactCreatedTriggers(ctx, contact.id, []));
    } else if (changes) {
      await recordAudit(ctx, tx, { action: "contact.updated", targetType: "contact", targetId: contact.id, changes });
    }
    return { contact, created };
  });
}
