// The contacts table: newest first, keyset-paginated on the time-ordered id so every page costs
// the same at 1M contacts as at 100 (no OFFSET). Search uses the trigram index on searchText.
import { countContactsInput, listContactsInput, type ListContactsInput } from "@/lib/contacts/contact-input";
import { contactOmit } from "@/lib/contacts/contact-select";
import type { Contact, Prisma } from "@/lib/generated/prisma/client";
import type { OrgContext } from "@/lib/org-context";
import type { z } from "zod";

type Filters = Omit<ReturnType<typeof listContactsInput.parse>, "cursor" | "limit">;

// Prisma sends `contains` to LIKE as is: "%" or "_" typed in the search box would be wildcards.
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function contactFilter(f: Filters): Prisma.ContactWhereInput {
  return {
    ...(f.search && { searchText: { contains: escapeLike(f.search.toLowerCase()) } }),
    ...(f.listId && { lists: { some: { listId: f.listId } } }),
    ...(f.tag && { tags: { has: f.tag } }),
    ...(f.status && { consentStatus: f.status }),
  };
}

type WholeContact = Omit<Contact, "searchText">;
type ContactPage<C> = { items: C[]; nextCursor: string | null };

/** A page of contacts; the table leaves out custom fields, the API (`withCustomFields`) shows whole contacts. */
export async function listContacts(ctx: OrgContext, raw: ListContactsInput): Promise<ContactPage<Omit<WholeContact, "customFields">>>;
export async function listContacts(ctx: OrgContext, raw: ListContactsInput, options: { withCustomFields: true }): Promise<ContactPage<WholeContact>>;
export async function listContacts(ctx: OrgContext, raw: ListContactsInput, options: { withCustomFields?: boolean } = {}) {
  const { cursor, limit, ...filters } = listContactsInput.parse(raw);
  const rows: Partial<WholeContact>[] = await ctx.db.contact.findMany({
    where: { ...contactFilter(filters), ...(cursor && { id: { lt: cursor } }) },
    orderBy: { id: "desc" },
    take: limit + 1,
    omit: { ...contactOmit, customFields: !options.withCustomFields },
  });
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id! : null };
}

/** How many contacts match, for "1,234 contacts". Kept apart so pages need not wait for it. */
export async function countContacts(ctx: OrgContext, raw: z.input<typeof countContactsInput>) {
  return ctx.db.contact.count({ where: contactFilter(countContactsInput.parse(raw)) });
}
