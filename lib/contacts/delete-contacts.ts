import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { contactIdsInput } from "@/lib/contacts/contact-input";
import type { OrgContext } from "@/lib/org-context";

export async function deleteContacts(ctx: OrgContext, raw: z.input<typeof contactIdsInput>) {
  const { ids } = contactIdsInput.parse(raw);
  return ctx.db.$transaction(async (tx) => {
    const found = await tx.contact.findMany({ where: { id: { in: ids } }, select: { id: true, phone: true } });
    await tx.contact.deleteMany({ where: { id: { in: found.map((c) => c.id) } } });
    await recordAudit(
      ctx,
      tx,
      found.map((c) => ({ action: "contact.deleted", targetType: "contact", targetId: c.id, changes: { phone: c.phone } })),
    );
    return { deleted: found.length };
  });
}
