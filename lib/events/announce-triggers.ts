// How a domain announces what may start a workflow (`workflows/trigger.fired`, workflows.ts): handed
// the transaction that made the change, the announcement waits for its commit (never sent from
// inside it, never for a change that rolled back), and every announcement a transaction makes goes
// out together: contacts of one org, kind, key and data in one event, up to MAX_TRIGGER_CONTACTS
// each, so a bulk action of 1,000 contacts or an import chunk's opt-outs is a handful of events, not
// one per contact. Only what an active workflow may start on is sent (listened-triggers.ts, read in the
// transaction). Handed a client that is not a transaction (a pool), it is sent at once.
import { afterCommitBatched } from "@/lib/db/after-commit";
import type { SqlClient } from "@/lib/db/sql";
import { emitEvents } from "@/lib/events/emit";
import { listenedTriggers } from "@/lib/events/listened-triggers";
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

/**
 * Contacts in one event: half the schema's 10,000, as 10,000 ids (~30 bytes each in JSON) exceed
 * the 256 KiB an event may weigh on Inngest Cloud's smallest plan.
 */
export const MAX_TRIGGER_CONTACTS = 5_000;
/** Bytes of events in one send: the embedded executor refuses a request past 3 MiB (executor/http/events.ts). */
const MAX_SEND_BYTES = 1024 * 1024;

export async function announceTriggers(client: SqlClient, announcements: readonly TriggerAnnouncement[]): Promise<void> {
  const heard = await listenedTriggers(client, announcements.filter((a) => a.contactIds.length > 0));
  await afterCommitBatched(client, sendTriggers, heard);
}

/** Sends `announcements` now, those some workflow hears (`client` reads which), grouped as above; the caller is outside any transaction. */
export async function emitTriggers(client: SqlClient, announcements: readonly TriggerAnnouncement[]): Promise<void> {
  await sendTriggers(await listenedTriggers(client, announcements));
}

async function sendTriggers(announcements: readonly TriggerAnnouncement[]): Promise<void> {
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
  // A segment entered by 100,000 contacts at once is 20 events: sent a megabyte at a time.
  let batch: typeof events = [];
  let bytes = 0;
  for (const event of events) {
    const size = JSON.stringify(event.data).length;
    if (batch.length > 0 && bytes + size > MAX_SEND_BYTES) {
      await emitEvents(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(event);
    bytes += size;
  }
  await emitEvents(batch);
}
