import { contactOmit } from "@/lib/contacts/contact-select";
import { notFound } from "@/lib/errors";
import type { OrgContext } from "@/lib/org-context";

/** A contact with the lists it belongs to. */
export async function getContact(ctx: OrgContext, id: string) {
  const contact = await ctx.db.contact.findUnique({
    where: { id },
    omit: contactOmit,
    include: { lists: { select: { addedAt: true, list: { select: { id: true, name: true } } }, orderBy: { addedAt: "desc" } } },
  });
  if (!contact) throw notFound("Contact", "id");
  const { lists, ...rest } = contact;
  return { ...rest, lists: lists.map((m) => ({ ...m.list, addedAt: m.addedAt })) };
}
