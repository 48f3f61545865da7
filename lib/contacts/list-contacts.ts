// The contacts table: filtered by a segment definition (lib/contacts/contact-where.ts), sorted by
// created (newest first by default), name, phone or status, keyset-paginated
// (lib/contacts/contact-cursor.ts). Search uses the trigram index on searchText.
import { encodeCursor, keysetOf } from "@/lib/contacts/contact-cursor";
import { countContactsInput, listContactsInput, type ContactFilterInput, type ListContactsInput } from "@/lib/contacts/contact-input";
import { contactWhere } from "@/lib/contacts/contact-where";
import { withSegmentMemory } from "@/lib/segments/evaluate-segment";
import type { Contact } from "@/lib/generated/prisma/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrgContext } from "@/lib/org-context";

type WholeContact = Omit<Contact, "searchText" | "sortName">;
type ContactPage<C> = { items: C[]; nextCursor: string | null };

// The columns a contact is read with (searchText and sortName are the database's own).
const COLUMNS = Prisma.sql`c.id, c."orgId", c.phone, c."firstName", c."lastName", c.email, c."timeZone", c.tags, c."consentStatus",
  c."optedInAt", c."optedOutAt", c."optOutSource", c."createdAt", c."updatedAt", c."sortName"`;

/** A page of contacts; the table leaves out custom fields, the API (`withCustomFields`) shows whole contacts. */
export async function listContacts(ctx: OrgContext, raw: ListContactsInput): Promise<ContactPage<Omit<WholeContact, "customFields">>>;
export async function listContacts(ctx: OrgContext, raw: ListContactsInput, options: { withCustomFields: true }): Promise<ContactPage<WholeContact>>;
export async function listContacts(ctx: OrgContext, raw: ListContactsInput, options: { withCustomFields?: boolean } = {}) {
  const { cursor, limit, sort, dir, ...filters } = listContactsInput.parse(raw);
  const view = await contactWhere(ctx, filters);
  const { orderBy, after } = keysetOf(sort, dir, cursor);
  const rows = await withSegmentMemory(ctx, view, (sql) => sql.$queryRaw<(WholeContact & { sortName: string })[]>`
    SELECT ${COLUMNS}${options.withCustomFields ? Prisma.sql`, c."customFields"` : Prisma.empty}
    FROM "Contact" c
    WHERE c."orgId" = ${ctx.orgId} AND ${view.where} AND ${after}
    ORDER BY ${orderBy}
    LIMIT ${limit + 1}`);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor(sort, last) : null;
  for (const row of page) delete (row as Partial<typeof row>).sortName;
  return { items: page as WholeContact[], nextCursor };
}

/** How many contacts match, for "1,234 contacts". Kept apart so pages need not wait for it. */
export async function countContacts(ctx: OrgContext, raw: ContactFilterInput) {
  const view = await contactWhere(ctx, countContactsInput.parse(raw));
  const [row] = await withSegmentMemory(ctx, view, (sql) => sql.$queryRaw<{ count: bigint }[]>`
    SELECT count(*) AS count FROM "Contact" c WHERE c."orgId" = ${ctx.orgId} AND ${view.where}`);
  return Number(row!.count);
}
