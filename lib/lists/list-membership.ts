// Adding contacts to and removing them from a list. Both are idempotent: adding a member twice,
// or removing one that is not there, changes nothing and reports what did change.
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { announceTriggers } from "@/lib/events/announce-triggers";
import { notFound } from "@/lib/errors";
import { listMembersInput } from "@/lib/lists/list-input";
import type { OrgContext } from "@/lib/org-context";

/** Who added them, for {{trigger.source}}: the API, a person in the app, or the system (a workflow's own step). */
const actorSource = (ctx: OrgContext) => ({ API_KEY: "api", USER: "ui", SYSTEM: "system" })[ctx.actor.type];

export async function addToList(ctx: OrgContext, raw: z.input<typeof listMembersInput>) {
  const { listId, contactIds } = listMembersInput.parse(raw);
  return ctx.db.$transaction(async (tx) => {
    const list = await tx.contactList.findUnique({ where: { id: listId }, select: { id: true } });
    if (!list) throw notFound("List", "listId");
    // Only this org's contacts: the scoped client filters the lookup by org.
    const contacts = await tx.contact.findMany({ where: { id: { in: contactIds } }, select: { id: true } });
    if (contacts.length === 0) throw notFound("Contacts", "contactIds");
    const added = await tx.listMembership.createManyAndReturn({
      data: contacts.map((c) => ({ listId, contactId: c.id, orgId: ctx.orgId })),
      skipDuplicates: true,
      select: { contactId: true },
    });
    const count = added.length;
    // Workflows waiting for this list hear of the contacts that were not on it, once this commits.
    await announceTriggers(tx, [{ orgId: ctx.orgId, kind: "list_added", key: listId, contactIds: added.map((m) => m.contactId), data: { listId, source: actorSource(ctx) } }]);
    await recordAudit(ctx, tx, {
      action: "list.members_added",
      targetType: "list",
      targetId: listId,
      changes: { contactIds: contacts.map((c) => c.id), added: count },
    });
    return { added: count };
  });
}

export async function removeFromList(ctx: OrgContext, raw: z.input<typeof listMembersInput>) {
  const { listId, contactIds } = listMembersInput.parse(raw);
  return ctx.db.$transaction(async (tx) => {
    const list = await tx.contactList.findUnique({ where: { id: listId }, select: { id: true } });
    if (!list) throw notFound("List", "listId");
    // Audit what was removed, not what was asked for (ids may not even be this org's).
    const members = await tx.listMembership.findMany({
      where: { listId, contactId: { in: contactIds } },
      select: { contactId: true },
    });
    const removedIds = members.map((m) => m.contactId);
    const { count } = await tx.listMembership.deleteMany({ where: { listId, contactId: { in: removedIds } } });
    await recordAudit(ctx, tx, {
      action: "list.members_removed",
      targetType: "list",
      targetId: listId,
      changes: { contactIds: removedIds, removed: count },
    });
    return { removed: count };
  });
}
