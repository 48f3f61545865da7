// A contact opting out of marketing or back in, however it came about (an inbound STOP/START in
// receive-message.ts, a call to the API in change-consent.ts), recorded the one way: the
// contact's state, a row of consent history, an audit entry, and for an opt-out the marketing still
// waiting to go to them canceled. All in the caller's transaction, which holds the contact's row
// lock: a concurrent send's share lock on the contact waits for it (see send-messages.ts). A real
// change of state is announced to workflows after commit (subscription_changed), whatever made it,
// a CSV import's opt-outs included: they start nothing that sends, and they must end the runs of
// the contacts they opt out.
import { recordAudit } from "@/lib/audit/record-audit";
import { announceTriggers } from "@/lib/events/announce-triggers";
import { newId } from "@/lib/ids";
import { applyStatusChanges } from "@/lib/messaging/message-history";
import { OPTED_OUT_ERROR } from "@/lib/messaging/status";
import type { OrgContext, ScopedTx } from "@/lib/org-context";
import { consentWebhookEvent } from "@/lib/webhooks/consent-events";
import type { WebhookEvent } from "@/lib/webhooks/enqueue-webhook-events";

export interface ConsentChange {
  kind: "OPT_OUT" | "OPT_IN";
  contactId: string;
  phone: string;
  /** The database's clock, read once the contact's row lock is held (the STOP race test compares it). */
  at: Date;
  /** How it came about: "keyword" (an inbound text), "api", ... */
  source: string;
  /** The text that did it, for a keyword, and its message. */
  keyword?: string;
  /** Opt-out wording that did it ("remove me": lib/keywords/opt-out-phrases.ts), source "phrase". */
  phrase?: string;
  messageId?: string;
  /** A CSV import that did it, and what its history row says ("imported: contacts.csv"). */
  importId?: string;
  detail?: string;
}

/**
 * Applies the change and answers its webhook event (contact.opted_out / contact.opted_in), for the
 * caller to enqueue with its others; what the canceled messages announce waits for `tx` to commit.
 */
export async function applyConsentChange(ctx: OrgContext, tx: ScopedTx, change: ConsentChange): Promise<WebhookEvent> {
  const optOut = change.kind === "OPT_OUT";
  // Read under the caller's row lock: whether this is a change of state, which is what workflows hear.
  const before = await tx.contact.findUniqueOrThrow({ where: { id: change.contactId }, select: { consentStatus: true } });
  await tx.contact.update({
    where: { id: change.contactId },
    data: optOut
      ? { consentStatus: "OPTED_OUT", optedOutAt: change.at, optOutSource: optOutSource(change) }
      : { consentStatus: "OPTED_IN", optedInAt: change.at, optedOutAt: null, optOutSource: null },
  });
  await tx.consentEvent.create({
    data: {
      id: newId("consent"),
      orgId: ctx.orgId,
      contactId: change.contactId,
      action: change.kind,
      source: change.source,
      keyword: change.keyword ?? null,
      messageId: change.messageId ?? null,
      importId: change.importId ?? null,
      detail: change.detail ?? (change.phrase ? `said "${change.phrase}"` : null),
      occurredAt: change.at,
    },
  });
  await recordAudit(ctx, tx, {
    action: optOut ? "contact.opted_out" : "contact.opted_in",
    targetType: "contact",
    targetId: change.contactId,
    changes: change.keyword
      ? { keyword: change.keyword, messageId: change.messageId ?? null }
      : change.phrase
        ? { phrase: change.phrase, messageId: change.messageId ?? null }
        : { source: change.source },
  });
  if (optOut) await cancelPendingMarketing(ctx, tx, change.contactId);
  // Announced after commit (batched per transaction: an import chunk's opt-outs are one event). The
  // runtime ends every run of a contact who opts out when it hears this; a STOP from someone already
  // out (or a START from someone in) is recorded above as proof but changes nothing, and starts nothing.
  if (before.consentStatus !== (optOut ? "OPTED_OUT" : "OPTED_IN")) {
    const key = optOut ? "opted_out" : "opted_in";
    await announceTriggers(tx, [{ orgId: ctx.orgId, kind: "subscription_changed", key, contactIds: [change.contactId], data: { status: key, source: change.source } }]);
  }
  return consentWebhookEvent(ctx.orgId, { ...change, occurredAt: change.at });
}

const optOutSource = (change: ConsentChange) =>
  change.keyword ? `keyword:${change.keyword}` : change.phrase ? `phrase:${change.phrase}` : change.source;

/** Marketing still waiting to go to someone who just opted out will not go. */
async function cancelPendingMarketing(ctx: OrgContext, tx: ScopedTx, contactId: string) {
  const pending = await tx.message.findMany({
    where: { contactId, direction: "OUTBOUND", marketing: true, status: { in: ["QUEUED", "SCHEDULED"] } },
    select: { id: true },
  });
  await applyStatusChanges(tx, "FAILED", pending.map((m) => ({ messageId: m.id, to: "FAILED", ...OPTED_OUT_ERROR })), "system", { orgId: ctx.orgId });
}
