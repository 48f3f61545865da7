// What a change to contacts announces to workflows (lib/events/announce-triggers.ts): a contact
// made, and the tags a contact did not have before. Shared by the UI's and the API's paths
// (create, upsert, update, the bulk tag action); a CSV import announces none of them, as it starts
// no send (ARCHITECTURE.md, "CSV import").
import type { TriggerAnnouncement } from "@/lib/events/announce-triggers";
import type { OrgContext } from "@/lib/org-context";

const sourceOf = (ctx: OrgContext) => ({ API_KEY: "api", USER: "ui", SYSTEM: "system" })[ctx.actor.type];

/** A contact made by `ctx`'s actor, with the tags it was made with (each one a tag added). */
export function contactCreatedTriggers(ctx: OrgContext, contactId: string, tags: readonly string[]): TriggerAnnouncement[] {
  const source = sourceOf(ctx);
  return [
    { orgId: ctx.orgId, kind: "contact_created", key: null, contactIds: [contactId], data: { source } },
    ...tagAddedTriggers(ctx, [{ id: contactId, from: [], to: tags }]),
  ];
}

/** One announcement per tag that some contact has now and did not have before. */
export function tagAddedTriggers(ctx: OrgContext, changes: readonly { id: string; from: readonly string[]; to: readonly string[] }[]): TriggerAnnouncement[] {
  const byTag = new Map<string, string[]>();
  for (const change of changes) {
    for (const tag of change.to) {
      if (change.from.includes(tag)) continue;
      (byTag.get(tag) ?? byTag.set(tag, []).get(tag)!).push(change.id);
    }
  }
  const source = sourceOf(ctx);
  return [...byTag].map(([tag, contactIds]) => ({ orgId: ctx.orgId, kind: "tag_added", key: tag, contactIds, data: { tag, source } }));
}
