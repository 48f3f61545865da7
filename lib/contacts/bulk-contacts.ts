// "Select all N matching": a bulk action (tag, add to or remove from a list, delete) over every contact a view's filters match, walked on the
// server in id batches (the filter's SQL picks each batch; nothing goes through the browser). Each
// batch is the same set-based, audited change as selecting those contacts by hand, in its own
// transaction, so a million contacts never hold one transaction open. A contact that stops
// matching mid-walk (tagged away, say) is simply not met again: the walk goes by id, downward.
import { bulkContactsInput, type BulkContactsInput } from "@/lib/contacts/contact-input";
import { contactWhere } from "@/lib/contacts/contact-where";
import { deleteContacts } from "@/lib/contacts/delete-contacts";
import { tagContacts } from "@/lib/contacts/tag-contacts";
import { withSegmentMemory } from "@/lib/segments/evaluate-segment";
import { notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { addToList, removeFromList } from "@/lib/lists/list-membership";
import type { OrgContext } from "@/lib/org-context";

const BATCH = 1000;

export async function bulkContacts(ctx: OrgContext, raw: BulkContactsInput): Promise<{ matched: number; changed: number }> {
  const { filter, action } = bulkContactsInput.parse(raw);
  if ((action.kind === "add_to_list" || action.kind === "remove_from_list") && !(await ctx.db.contactList.findUnique({ where: { id: action.listId }, select: { id: true } }))) {
    throw notFound("List", "action.listId");
  }
  const view = await contactWhere(ctx, filter);
  let matched = 0;
  let changed = 0;
  let before: string | null = null;
  for (;;) {
    const rows = await withSegmentMemory(ctx, view, (sql) => sql.$queryRaw<{ id: string }[]>`
      SELECT c.id FROM "Contact" c
      WHERE c."orgId" = ${ctx.orgId} AND ${view.where} AND ${before ? Prisma.sql`c.id < ${before}` : Prisma.sql`true`}
      ORDER BY c.id DESC LIMIT ${BATCH}`);
    if (rows.length === 0) break;
    const ids = rows.map((r) => r.id);
    matched += ids.length;
    before = ids[ids.length - 1]!;
    if (action.kind === "tag") changed += (await tagContacts(ctx, { ids, add: action.add, remove: action.remove })).updated;
    else if (action.kind === "add_to_list") changed += (await addToList(ctx, { listId: action.listId, contactIds: ids })).added;
    else if (action.kind === "remove_from_list") changed += (await removeFromList(ctx, { listId: action.listId, contactIds: ids })).removed;
    else changed += (await deleteContacts(ctx, { ids })).deleted;
    if (rows.length < BATCH) break;
  }
  return { matched, changed };
}
