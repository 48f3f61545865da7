import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { tagContactsInput } from "@/lib/contacts/contact-input";
import { tagAddedTriggers } from "@/lib/contacts/contact-triggers";
import { announceTriggers } from "@/lib/events/announce-triggers";
import type { OrgContext } from "@/lib/org-context";

/** Adds and removes tags on many contacts at once (bulk action). */
export async function tagContacts(ctx: OrgContext, raw: z.input<typeof tagContactsInput>) {
  const { ids, add, remove } = tagContactsInput.parse(raw);
  return ctx.db.$transaction(async (tx) => {
    const contacts = await tx.contact.findMany({ where: { id: { in: ids } }, select: { id: true, tags: true } });
    const changed = contacts.flatMap((c) => {
      const tags = [...new Set([...c.tags.filter((t) => !remove.includes(t)), ...add])];
      return JSON.stringify(tags) === JSON.stringify(c.tags) ? [] : [{ id: c.id, from: c.tags, tags }];
    });
    // One UPDATE per distinct resulting tag set (usually a handful), not one per contact.
    const byTags = new Map<string, { tags: string[]; ids: string[] }>();
    for (const c of changed) {
      const key = JSON.stringify(c.tags);
      const group = byTags.get(key) ?? byTags.set(key, { tags: c.tags, ids: [] }).get(key)!;
      group.ids.push(c.id);
    }
    for (const { tags, ids: groupIds } of byTags.values()) {
      await tx.contact.updateMany({ where: { id: { in: groupIds } }, data: { tags } });
    }
    await announceTriggers(tx, tagAddedTriggers(ctx, changed.map((c) => ({ id: c.id, from: c.from, to: c.tags }))));
    await recordAudit(
      ctx,
      tx,
      changed.map((c) => ({
        action: "contact.updated",
        targetType: "contact",
        targetId: c.id,
        changes: { tags: { from: c.from, to: c.tags } },
      })),
    );
    return { updated: changed.length };
  });
}
