// How a domain announces what may start a workflow (`workflows/trigger.fired`, workflows.ts): handed
// the transaction that made the change, the announcement waits for its commit (never sent from
// inside it, never for a change that rolled back), and every announcement a transaction makes goes
// out together: contacts of one org, kind, key and data in one event, up to the schema's maximum
// each, so a bulk action of 1,000 contacts or an import chunk's opt-outs is a handful of events, not
// one per contact. Handed a client that is not a transaction (a pool), it is sent at once.
import { afterCommitBatched } from "@/lib/db/after-commit";
import { emitEvents } from "@/lib/events/emit";
import { workflowTriggerFired, type TRIGGER_EVENT_KINDS } from "@/lib/events/workflows";

export interface TriggerAnnouncement {
  orgId: string;
  kind: (typeof TRIGGER_EVENT_KINDS)[number];
  key: string | null;
  contactIds: readonly string[];
  /** {{trigger.<key>}} in the run's texts: the same for every contact of the announcement. */
  data?: Record<string, unknown>;
  workflowId?: string;
}

/** The schema's maximum of contacts in one event. */
export const MAX_TRIGGER_CONTACTS = 10_000;

export async function announceTriggers(client: object, announcements: readonly TriggerAnnouncement[]): Promise<void> {
  const some = announcements.filter((a) => a.contactIds.length > 0);
  await afterCommitBatched(client, emitTriggers, some);
}

/** Sends `announcements` now, grouped as above (the caller is outside any transaction). */
export async function emitTriggers(announcements: readonly TriggerAnnouncement[]): Promise<void> {
  const groups = new Map<string, { first: TriggerAnnouncement; contactIds: Set<string> }>();
  for (const a of announcements) {
    const data = a.data ?? {};
    const id = JSON.stringify([a.orgId, a.kind, a.key, a.workflowId ?? null, data]);
    const group = groups.get(id) ?? groups.set(id, { first: { ...a, data }, contactIds: new Set() }).get(id)!;
    for (const contactId of a.contactIds) group.contactIds.add(contactId);
  }
  const events = [];
  for (const { first, contactIds } of groups.values()) {
    const ids = [...contactIds];
    for (let i = 0; i < ids.length; i += MAX_TRIGGER_CONTACTS) {
      events.push(
        workflowTriggerFired.create({
          orgId: first.orgId,
          kind: first.kind,
          key: first.key,
          contactIds: ids.slice(i, i + MAX_TRIGGER_CONTACTS),
          data: first.data!,
          ...(first.workflowId !== undefined && { workflowId: first.workflowId }),
        }),
      );
    }
  }
  await emitEvents(events);
}
