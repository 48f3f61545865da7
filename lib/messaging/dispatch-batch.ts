// One round of a sender's dispatcher: claim its due queued messages (at most one second's worth at
// the sender's throughput), hand them to the connection's adapter, record what the carrier said.
// A claimed message is `sending` before the carrier sees it, so a retried round never submits it
// again: only a carrier's certain refusal (throttled, queue full) puts it back in the queue.
import type { OutboundMessage, SubmitOutcome } from "@/lib/carriers/carrier";
import { adapterFor, type ConnectionRow } from "@/lib/carriers/registry";
import type { Db } from "@/lib/db/client";
import { sql, sqlTransaction } from "@/lib/db/sql";
import { mediaForSend } from "@/lib/media/media-for-send";
import { applyStatusChanges, type StatusChange } from "@/lib/messaging/message-history";
import { applyPendingReceipts, recheckPending } from "@/lib/messaging/record-receipt";
import { OPTED_OUT_ERROR } from "@/lib/messaging/status";
import { segmentMessage, type SmsEncoding } from "@/lib/sms/segments";
import { requestWebhookDeliveries } from "@/lib/webhooks/request-deliveries";

/** Most messages one round claims, whatever the throughput. */
const MAX_ROUND = 1_000;
/** Transient refusals before a message is failed for good. */
const MAX_ATTEMPTS = 8;
const MAX_BACKOFF_MS = 5 * 60_000;

export interface DispatchRound {
  claimed: number;
  sent: number;
  failed: number;
  requeued: number;
  /** Due queued messages remain: run another round now. */
  more: boolean;
  /** The earliest time a queued message waiting for a retry becomes due. */
  nextDueAt: string | null;
  throughput: number;
  /** When the claimed messages went to the carrier (epoch ms): the sender's pace is kept from here. */
  submittedAt: number | null;
}

interface Claimed {
  id: string;
  orgId: string;
  from: string;
  to: string;
  body: string;
  mediaIds: string[];
  encoding: string;
  attempts: number;
}

function retryDelayMs(attempt: number, retryAfterMs?: number): number {
  return Math.min(MAX_BACKOFF_MS, Math.max(retryAfterMs ?? 0, 1_000 * 2 ** Math.max(0, attempt - 1)));
}

export async function dispatchBatch(db: Db, senderId: string, now = new Date()): Promise<DispatchRound> {
  // Every round starts here (a few messages a round when they trickle in from the API): one statement.
  const [row] = await sql(db).$queryRaw<(ConnectionRow & { throughput: number })[]>`
    SELECT s.throughput, c.id, c.kind, c.config, c."updatedAt"
    FROM "SenderNumber" s JOIN "CarrierConnection" c ON c.id = s."connectionId" WHERE s.id = ${senderId}`;
  const sender = row && { throughput: row.throughput, connection: { id: row.id, kind: row.kind, config: row.config, updatedAt: row.updatedAt } };
  const empty: DispatchRound = { claimed: 0, sent: 0, failed: 0, requeued: 0, more: false, nextDueAt: null, throughput: sender?.throughput ?? 1, submittedAt: null };
  if (!sender) return empty;
  const limit = Math.min(MAX_ROUND, Math.max(1, sender.throughput));
  const hooked = new Set<string>();
  const { claimed, failed } = await sqlTransaction(db, async (tx) => {
    const rows = await tx.$queryRaw<(Claimed & { optedOut: boolean })[]>`
      SELECT m.id, m."orgId", m."from", m."to", COALESCE(m."secretBody", m.body) AS body, m."mediaIds", m.encoding, m.attempts,
             (m.marketing AND c."subscriptionStatus" = 'UNSUBSCRIBED') IS TRUE AS "optedOut"
      FROM "Message" m LEFT JOIN "Contact" c ON c.id = m."contactId"
      WHERE m."senderId" = ${senderId} AND m.status = 'QUEUED' AND (m."nextAttemptAt" IS NULL OR m."nextAttemptAt" <= ${now.toISOString()}::timestamp)
      ORDER BY m.id LIMIT ${limit} FOR UPDATE OF m SKIP LOCKED`;
    // Queued marketing to someone who opted out since it was queued does not go (CTIA; Twilio's 21610).
    const optedOut = rows.filter((r) => r.optedOut);
    const going = rows.filter((r) => !r.optedOut);
    await applyStatusChanges(tx, "FAILED", optedOut.map((r) => ({ messageId: r.id, to: "FAILED", ...OPTED_OUT_ERROR })), "dispatcher", now, hooked);
    await applyStatusChanges(tx, "SENDING", going.map((r) => ({ messageId: r.id, to: "SENDING" })), "dispatcher", now);
    return { claimed: going, failed: optedOut.length };
  });
  await requestWebhookDeliveries(hooked);
  // Only opted-out messages this round: look again at once, there may be more behind them.
  if (claimed.length === 0) return { ...empty, failed, more: failed > 0, nextDueAt: failed > 0 ? null : await nextDue(db, senderId) };

  const adapter = adapterFor(db, sender.connection);
  const outbound = await Promise.all(claimed.map((m) => toOutbound(db, m)));
  let outcomes: SubmitOutcome[];
  const submittedAt = new Date();
  try {
    outcomes = await adapter.submit(outbound);
  } catch (error) {
    // The adapter broke its promise not to throw: the outcome is unknown, so nothing is resubmitted.
    outcomes = claimed.map(() => ({ ok: false, retryable: false, code: "carrier_error", message: (error as Error).message }));
  }
  const round = await recordWithRetries(() => record(db, sender.connection.id, claimed, outcomes, submittedAt));
  const [{ more }] = await sql(db).$queryRaw<[{ more: boolean }]>`
    SELECT EXISTS (SELECT 1 FROM "Message" WHERE "senderId" = ${senderId} AND status = 'QUEUED'
      AND ("nextAttemptAt" IS NULL OR "nextAttemptAt" <= ${new Date()})) AS more`;
  return {
    ...round,
    failed: round.failed + failed,
    claimed: claimed.length,
    more,
    nextDueAt: more ? null : await nextDue(db, senderId),
    throughput: sender.throughput,
    submittedAt: submittedAt.getTime(),
  };
}

async function toOutbound(db: Db, m: Claimed): Promise<OutboundMessage> {
  const segmented = segmentMessage(m.body);
  return {
    id: m.id,
    from: m.from,
    to: m.to,
    body: m.body,
    encoding: m.encoding as SmsEncoding,
    parts: segmented.segments,
    media: m.mediaIds.length ? await mediaForSend(db, m.orgId, m.mediaIds) : [],
  };
}

/**
 * The carrier has answered: its answer must be written, or the messages stay `sending` and are later
 * failed as unknown. A passing database error is retried here rather than by re-running the round.
 */
async function recordWithRetries<T>(write: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * 2 ** attempt));
    }
  }
}

async function record(db: Db, connectionId: string, claimed: Claimed[], outcomes: SubmitOutcome[], submittedAt: Date) {
  const sent: StatusChange[] = [];
  const failed: StatusChange[] = [];
  const requeued: StatusChange[] = [];
  const submissions: { carrierMessageId: string; messageId: string; part: number }[] = [];
  const now = Date.now();
  claimed.forEach((m, i) => {
    const outcome = outcomes[i] ?? { ok: false, retryable: false, code: "carrier_error", message: "The carrier returned no outcome" };
    if (outcome.ok) {
      sent.push({ messageId: m.id, to: "SENT", carrierMessageId: outcome.carrierMessageId });
      outcome.partIds.forEach((carrierMessageId, part) => submissions.push({ carrierMessageId, messageId: m.id, part }));
      return;
    }
    const attempts = m.attempts + 1;
    if (outcome.retryable && attempts < MAX_ATTEMPTS) {
      const nextAttemptAt = new Date(now + retryDelayMs(attempts, outcome.retryAfterMs));
      requeued.push({ messageId: m.id, to: "QUEUED", errorCode: outcome.code, errorMessage: outcome.message, attempts, nextAttemptAt });
    } else {
      failed.push({ messageId: m.id, to: "FAILED", errorCode: outcome.code, errorMessage: outcome.message, attempts });
    }
  });
  const hooked = new Set<string>();
  await sqlTransaction(db, async (tx) => {
    await applyStatusChanges(tx, "SENT", sent, "carrier", submittedAt, hooked);
    await tx.$executeRaw`
      INSERT INTO "MessageSubmission" ("connectionId", "carrierMessageId", "messageId", part)
      SELECT ${connectionId}, u.id, u.message, u.part
      FROM unnest(${submissions.map((x) => x.carrierMessageId)}::text[], ${submissions.map((x) => x.messageId)}::text[], ${submissions.map((x) => x.part)}::int[]) AS u(id, message, part)
      ON CONFLICT DO NOTHING`;
    await applyPendingReceipts(tx, connectionId, submissions.map((s) => s.carrierMessageId), hooked);
    await applyStatusChanges(tx, "FAILED", failed, "carrier", undefined, hooked);
    await applyStatusChanges(tx, "QUEUED", requeued, "dispatcher");
  });
  // Receipts parked while this was uncommitted (see recheckPending).
  await recheckPending(db, connectionId, submissions.map((s) => s.carrierMessageId), hooked);
  await requestWebhookDeliveries(hooked);
  return { sent: sent.length, failed: failed.length, requeued: requeued.length };
}

async function nextDue(db: Db, senderId: string): Promise<string | null> {
  const [next] = await sql(db).$queryRaw<{ at: Date }[]>`
    SELECT "nextAttemptAt" AS at FROM "Message" WHERE "senderId" = ${senderId} AND status = 'QUEUED' AND "nextAttemptAt" IS NOT NULL
    ORDER BY "nextAttemptAt" LIMIT 1`;
  return next?.at.toISOString() ?? null;
}
