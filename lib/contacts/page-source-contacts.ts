// A page of a source's contacts (a segment's, for GET /api/v1/segments/{id}/contacts): newest first,
// keyset-paginated on the time-ordered id like the contacts table, whole contacts (custom fields
// included) as the API shows them.
import { contactSourceCondition, type ContactSource } from "@/lib/contacts/contact-source";
import { orgSql } from "@/lib/db/sql";
import { Prisma, type Contact } from "@/lib/generated/prisma/client";
import type { OrgContext } from "@/lib/org-context";

export async function pageSourceContacts(ctx: OrgContext, source: ContactSource, { limit, cursor }: { limit: number; cursor?: string }, field?: string) {
  const { where } = await contactSourceCondition(ctx, source, field);
  const rows = await orgSql(ctx).$queryRaw<Omit<Contact, "searchText">[]>`
    SELECT c.id, c."orgId", c.phone, c."firstName", c."lastName", c.email, c."timeZone", c."customFields", c.tags,
           c."consentStatus", c."optedInAt", c."optedOutAt", c."optOutSource", c."createdAt", c."updatedAt"
      FROM "Contact" c
     WHERE c."orgId" = ${ctx.orgId} AND (${where}) ${cursor ? Prisma.sql`AND c.id < ${cursor}` : Prisma.empty}
     ORDER BY c.id DESC
     LIMIT ${limit + 1}`;
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
}
