// Lists: create, rename, delete, and the list index with member counts.
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { isUniqueViolation } from "@/lib/db/errors";
import { DomainError, notFound } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { createListInput, listIdInput, renameListInput } from "@/lib/lists/list-input";
import type { OrgContext } from "@/lib/org-context";

const duplicateName = (name: string) => new DomainError("CONFLICT", `A list named "${name}" already exists`, "name", "list_exists");

export async function createList(ctx: OrgContext, raw: z.input<typeof createListInput>) {
  const { name } = createListInput.parse(raw);
  try {
    return await ctx.db.$transaction(async (tx) => {
      const list = await tx.contactList.create({ data: { id: newId("list"), orgId: ctx.orgId, name } });
      await recordAudit(ctx, tx, { action: "list.created", targetType: "list", targetId: list.id, changes: { name } });
      return list;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName(name);
    throw error;
  }
}

export async function renameList(ctx: OrgContext, raw: z.input<typeof renameListInput>) {
  const { id, name } = renameListInput.parse(raw);
  try {
    return await ctx.db.$transaction(async (tx) => {
      const before = await tx.contactList.findUnique({ where: { id } });
      if (!before) throw notFound("List", "id");
      const list = await tx.contactList.update({ where: { id }, data: { name } });
      await recordAudit(ctx, tx, {
        action: "list.renamed",
        targetType: "list",
        targetId: id,
        changes: { name: { from: before.name, to: name } },
      });
      return list;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName(name);
    throw error;
  }
}

export async function deleteList(ctx: OrgContext, raw: z.input<typeof listIdInput>) {
  const { id } = listIdInput.parse(raw);
  return ctx.db.$transaction(async (tx) => {
    const list = await tx.contactList.findUnique({ where: { id } });
    if (!list) throw notFound("List", "id");
    await tx.contactList.delete({ where: { id } });
    await recordAudit(ctx, tx, { action: "list.deleted", targetType: "list", targetId: id, changes: { name: list.name } });
    return { id };
  });
}

export async function listLists(ctx: OrgContext) {
  const lists = await ctx.db.contactList.findMany({
    orderBy: { name: "asc" },
    include: { _count: { select: { members: true } } },
  });
  return lists.map(({ _count, ...l }) => ({ ...l, memberCount: _count.members }));
}

/** A page of lists with member counts, newest first (the API's convention; the UI's index is by name). */
export async function pageLists(ctx: OrgContext, { limit, cursor }: { limit: number; cursor?: string }) {
  const rows = await ctx.db.contactList.findMany({
    where: cursor ? { id: { lt: cursor } } : {},
    orderBy: { id: "desc" },
    take: limit + 1,
    include: { _count: { select: { members: true } } },
  });
  const items = rows.slice(0, limit).map(({ _count, ...l }) => ({ ...l, memberCount: _count.members }));
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
}

/** The list with its member count; not found names `field`, the caller's name for the id. */
export async function getList(ctx: OrgContext, raw: z.input<typeof listIdInput>, field = "id") {
  const { id } = listIdInput.parse(raw);
  const list = await ctx.db.contactList.findUnique({ where: { id }, include: { _count: { select: { members: true } } } });
  if (!list) throw notFound("List", field);
  const { _count, ...rest } = list;
  return { ...rest, memberCount: _count.members };
}
