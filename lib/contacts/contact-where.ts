// Which contacts a view shows, as one boolean SQL expression over "Contact" c: the quick filters and
// the advanced definition through the segment compiler, and the search box through the trigram
// index. Compiled apart, so a rule's error names its path in the definition the caller sent.
import { contactFilterInput, type ContactFilterInput } from "@/lib/contacts/contact-input";
import { contactsViewDefinition } from "@/lib/contacts/contact-filters";
import { escapeLike } from "@/lib/db/escape-like";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrgContext } from "@/lib/org-context";
import { segmentCondition, type CompiledSegment } from "@/lib/segments/evaluate-segment";

/** The view's condition; statements using it run through withSegmentMemory (lib/segments/evaluate-segment.ts). */
export async function contactWhere(ctx: OrgContext, raw: ContactFilterInput): Promise<CompiledSegment> {
  const { search, definition, ...quick } = contactFilterInput.parse(raw);
  const quickDefinition = contactsViewDefinition(quick);
  const parts = await Promise.all(
    [quickDefinition, definition].filter((d) => d && d.root.rules.length > 0).map((d) => segmentCondition(ctx, d!)),
  );
  const where = parts.map((p) => p.where);
  if (search) where.push(Prisma.sql`c."searchText" LIKE ${`%${escapeLike(search.toLowerCase())}%`}`);
  return { where: where.length > 0 ? Prisma.join(where, " AND ") : Prisma.sql`true`, hashMemory: parts.some((p) => p.hashMemory) };
}
