// Which contacts an export (or any walk over a set of contacts) covers: a list, a saved segment, or
// the Contacts page's filtered view (its quick filters, advanced definition and search, as
// contactWhere reads them). One zod input for the UI's download route and REST, and its SQL condition
// over the contact row aliased `c`, built by the segment compiler: parameters only, every subquery
// bound to the org.
import { z } from "zod";
import { contactFilterInput } from "@/lib/contacts/contact-input";
import { contactWhere } from "@/lib/contacts/contact-where";
import { getList } from "@/lib/lists/manage-lists";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrgContext } from "@/lib/org-context";
import { segmentCondition, type CompiledSegment } from "@/lib/segments/evaluate-segment";
import { getSegment } from "@/lib/segments/manage-segments";

export const contactSource = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("list"), listId: z.string().trim().min(1).max(64) }),
  z.strictObject({ kind: z.literal("segment"), segmentId: z.string().trim().min(1).max(64) }),
  contactFilterInput.extend({ kind: z.literal("view") }),
]);
export type ContactSource = z.input<typeof contactSource>;

/** The source's condition on `c`, and a name for it (the export's file name). Unknown ids are not found, naming `field`. */
export async function contactSourceCondition(ctx: OrgContext, raw: ContactSource, field?: string): Promise<CompiledSegment & { name: string }> {
  const source = contactSource.parse(raw);
  if (source.kind === "list") {
    const list = await getList(ctx, { id: source.listId }, field ?? "listId");
    return {
      hashMemory: false,
      where: Prisma.sql`EXISTS (SELECT 1 FROM "ListMembership" m WHERE m."orgId" = ${ctx.orgId} AND m."listId" = ${list.id} AND m."contactId" = c.id)`,
      name: list.name,
    };
  }
  if (source.kind === "segment") {
    const segment = await getSegment(ctx, { id: source.segmentId }, field ?? "segmentId");
    return { ...(await segmentCondition(ctx, segment.definition)), name: segment.name };
  }
  const { search, listId, tag, status, definition } = source;
  return { ...(await contactWhere(ctx, { search, listId, tag, status, definition })), name: "contacts" };
}
