// One round of a sender's dispatcher: claim its due queued messages (at most one second's worth at
// the sender's throughput), hand them to the connection's adapter, record what the carrier said.
// A claimed message is `sending` before the carrier sees it, so a retried round never submits it
// again: only a carrier's certain refusal (throttled, queue full) puts it back in the queue. The
// simulator, which is this process, is claimed, submitted to and recorded in one transaction instead.
import type { CarrierAdapter, OutboundMessage, SubmitOutcome } from "@/lib/carriers/carrier";
import { adapterFor, type ConnectionRow } from "@/lib/delivery/carrier-registry";
import { heldUntilSql, holdForQuietHours, type ClaimWindow } from "@/lib/delivery/quiet-hold";
import type { Db } from "@/lib/db/client";
import { systemSql, systemSqlTransaction, type SqlClient } from "@/lib/db/sql";
import type { DomainError } from "@/lib/errors";
import { mediaForSend } from "@/lib/media/media-for-send";
import { applyStatusChanges, type StatusChange, type StatusChangeOptions } from "@/lib/messaging/message-history";
import { applyPendingReceipts, recheckPending } from "@/lib/messaging/record-receipt";
import { OPTED_OUT_ERROR } from "@/lib/messaging/status";
import type { SmsEncoding } from "@/lib/sms/segments";

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
  /** Held for the recipients' quiet hours: scheduled again for their window's opening. */
  held: number;
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

export async function dispatchRound(db: Db, senderId: string, now = new Date()): Promise<DispatchRound> {
  // Every round starts here (a few messages a round when they trickle in from the API): one statement.
  const [row] = await systemSql(db).$queryRaw<(ConnectionRow & { throughput: number })[]>`
    SELECT s.throughput, c.id, c.kind, c.config, c."updatedAt"
    FROM "SenderNumber" s JOIN "CarrierConnection" c ON c.id = s."connectionId" WHERE s.id = ${senderId}`;
  const sender = row && { throughput: row.throughput, connection: { id: row.id, kind: row.kind, config: row.config, updatedAt: row.updatedAt } };
  const empty: DispatchRound = { claimed: 0, sent: 0, failed: 0, requeued: 0, held: 0, more: false, nextDueAt: null, throughput: sender?.throughput ?? 1, submittedAt: null };
  if (!sender) return empty;
  const limit = Math.min(MAX_ROUND, Math.max(1, sender.throughput));
  const adapter = adapterFor(db, sender.connection);
  const round = adapter.inProcess
    ? await roundInProcess(db, adapter, senderId, sender.connection.id, limit, now)
    : await roundThroughCarrier(db, adapter, senderId, sender.connection.id, limit, now);
  // After the round's commits (and their webhook and StatusCallback announcements).
  if (round.claimed > 0) await adapter.recorded?.(round.outcomes);
  // Only opted-out or held messages this round: look again at once, there may be more behind them.
  if (round.claimed === 0) {
    const more = round.failed + round.held > 0;
    return { ...empty, failed: round.failed, held: round.held, more, nextDueAt: more ? null : await nextDue(db, senderId) };
  }

  const [{ more }] = await systemSql(db).$queryRaw<[{ more: boolean }]>`
    SELECT EXISTS (SELECT 1 FROM "Message" WHERE "senderId" = ${senderId} AND status = 'QUEUED'
      AND ("nextAttemptAt" IS NULL OR "nextAttemptAt" <= ${new Date()})) AS more`;
  return {
    claimed: round.claimed,
    sent: round.sent,
    failed: round.failed,
    requeued: round.requeued,
    held: round.held,
    more,
    nextDueAt: more ? null : await nextDue(db, senderId),
    throughput: sender.throughput,
    submittedAt: round.submittedAt,
  };
}

interface Round {
  claimed: number;
  sent: number;
  failed: number;
  requeued: number;
  held: number;
  outcomes: SubmitOutcome[];
  submittedAt: number | null;
}

/** A round that claimed nothing to submit (none due, or only opted-out or held ones). */
const nothingClaimed = ({ failed, held }: { failed: number; held: number }): Round => ({ claimed: 0, sent: 0, failed, requeued: 0, held, outcomes: [], submittedAt: null });

/**
 * A real carrier: the claimed messages are committed `sending` before it sees them, so a round retried
 * after a crash never submits them again; its answer is then written in a transaction of its own.
 */
async function roundThroughCarrier(db: Db, adapter: CarrierAdapter, senderId: string, connectionId: string, limit: number, now: Date): Promise<Round> {
  const { going, failed, held } = await systemSqlTransaction(db, async (tx) => {
    const claimed = await claim(tx, senderId, limit, now);
    await applyStatusChanges(tx, "SENDING", claimed.going.map((r) => ({ messageId: r.id, to: "SENDING" })), "dispatcher", { at: now });
    return claimed;
  });
  if (going.length === 0) return nothingClaimed({ failed, held });

  const submittedAt = new Date();
  const outcomes = await submit(systemSql(db), adapter, going);
  const recorded = await recordWithRetries(() =>
    systemSqlTransaction(db, async (tx) => {
      const written = await recordOutcomes(tx, connectionId, going, outcomes, submittedAt);
      await applyPendingReceipts(tx, connectionId, written.carrierIds);
      return written;
    }),
  );
  // Receipts parked while this was uncommitted (see recheckPending).
  await recheckPending(db, connectionId, recorded.carrierIds);
  return { ...recorded, claimed: going.length, failed: recorded.failed + failed, held, outcomes, submittedAt: submittedAt.getTime() };
}

/**
 * An in-process carrier (CarrierAdapter.inProcess): claim, submit and record in one transaction, each
 * message written once. Its `sending` is a history row on the way to the outcome, not a row version.
 */
async function roundInProcess(db: Db, adapter: CarrierAdapter, senderId: string, connectionId: string, limit: number, now: Date): Promise<Round> {
  return systemSqlTransaction(db, async (tx) => {
    const { going, failed, held } = await claim(tx, senderId, limit, now);
    if (going.length === 0) return nothingClaimed({ failed, held });
    // After the claim's own time, so the history reads in order.
    const submittedAt = new Date(Math.max(Date.now(), now.getTime() + 1));
    const outcomes = await submit(tx, adapter, going);
    const recorded = await recordOutcomes(tx, connectionId, going, outcomes, submittedAt, { status: "SENDING", source: "dispatcher", at: now });
    return { ...recorded, claimed: going.length, failed: recorded.failed + failed, held, outcomes, submittedAt: submittedAt.getTime() };
  });
}

/**
 * Locks the sender's due queued messages, at most `limit`. Queued marketing to someone who opted out
 * since it was queued does not go (CTIA; Twilio's 21610): it fails here. One whose recipient's quiet
 * hours are on is held until they end (lib/delivery/quiet-hold.ts).
 */
async function claim(tx: SqlClient, senderId: string, limit: number, now: Date) {
  const rows = await tx.$queryRaw<(Claimed & ClaimWindow & { optedOut: boolean })[]>`
    SELECT m.id, m."orgId", m."from", m."to", COALESCE(m."secretBody", m.body) AS body, m."mediaIds", m.encoding, m.attempts,
           (m.marketing AND c."consentStatus" = 'OPTED_OUT') IS TRUE AS "optedOut",
           ${heldUntilSql(now)} AS "heldUntil", m."quietZone", m."quietStart"
    FROM "Message" m LEFT JOIN "Contact" c ON c.id = m."contactId"
    WHERE m."senderId" = ${senderId} AND m.status = 'QUEUED' AND (m."nextAttemptAt" IS NULL OR m."nextAttemptAt" <= ${now.toISOString()}::timestamp)
    ORDER BY m.id LIMIT ${limit} FOR UPDATE OF m SKIP LOCKED`;
  const optedOut = rows.filter((r) => r.optedOut);
  await applyStatusChanges(tx, "FAILED", optedOut.map((r) => ({ messageId: r.id, to: "FAILED", ...OPTED_OUT_ERROR })), "dispatcher", { at: now });
  const held = await holdForQuietHours(tx, senderId, rows.filter((r) => !r.optedOut), now);
  return { going: rows.filter((r) => !r.optedOut && r.heldUntil === null), failed: optedOut.length, held };
}

/**
 * The adapter's outcome for each claimed message, in order. A message that cannot be built (its
 * media gone or past the limits) fails alone with the reason, without reaching the carrier: it
 * must neither strand the others nor, in an in-process round, roll the round back for ever.
 */
async function submit(db: SqlClient, adapter: CarrierAdapter, claimed: Claimed[]): Promise<SubmitOutcome[]> {
  const built = await Promise.all(claimed.map((m) => toOutbound(db, m).catch((error: Error) => error)));
  const outbound = built.filter((b): b is OutboundMessage => !(b instanceof Error));
  let outcomes: SubmitOutcome[];
  try {
    outcomes = outbound.length > 0 ? await adapter.submit(outbound) : [];
  } catch (error) {
    // The adapter broke its promise not to throw: the outcome is unknown, so nothing is resubmitted.
    outcomes = outbound.map(() => ({ ok: false, retryable: false, code: "carrier_error", message: (error as Error).message }));
  }
  let next = 0;
  return built.map((b) =>
    b instanceof Error ? { ok: false, retryable: false, code: (b as DomainError).reason ?? "message_unbuildable", message: b.message } : outcomes[next++]!,
  );
}

async function toOutbound(db: SqlClient, m: Claimed): Promise<OutboundMessage> {
  return {
    id: m.id,
    from: m.from,
    to: m.to,
    body: m.body,
    encoding: m.encoding as SmsEncoding,
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

/** Writes the carrier's answer for each claimed message: `sent` with its part ids, failed, or queued again for a retry. */
async function recordOutcomes(
  tx: SqlClient,
  connectionId: string,
  claimed: Claimed[],
  outcomes: SubmitOutcome[],
  submittedAt: Date,
  via?: StatusChangeOptions["via"],
) {
  const sent: StatusChange[] = [];
  const failed: StatusChange[] = [];
  const requeued: StatusChange[] = [];
  const submissions: { carrierMessageId: string; messageId: string; part: number; parts: number }[] = [];
  const now = Date.now();
  claimed.forEach((m, i) => {
    const outcome = outcomes[i] ?? { ok: false, retryable: false, code: "carrier_error", message: "The carrier returned no outcome" };
    if (outcome.ok) {
      sent.push({ messageId: m.id, to: "SENT", carrierMessageId: outcome.carrierMessageId });
      outcome.partIds.forEach((carrierMessageId, part) => submissions.push({ carrierMessageId, messageId: m.id, part, parts: outcome.partIds.length }));
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
  await applyStatusChanges(tx, "SENT", sent, "carrier", { at: submittedAt, via });
  await tx.$executeRaw`
    INSERT INTO "MessageSubmission" ("connectionId", "carrierMessageId", "messageId", part, parts)
    SELECT ${connectionId}, u.id, u.message, u.part, u.parts
    FROM unnest(${submissions.map((x) => x.carrierMessageId)}::text[], ${submissions.map((x) => x.messageId)}::text[],
                ${submissions.map((x) => x.part)}::int[], ${submissions.map((x) => x.parts)}::int[]) AS u(id, message, part, parts)
    ON CONFLICT DO NOTHING`;
  await applyStatusChanges(tx, "FAILED", failed, "carrier", { via });
  await applyStatusChanges(tx, "QUEUED", requeued, "dispatcher", { via });
  return { sent: sent.length, failed: failed.length, requeued: requeued.length, carrierIds: submissions.map((x) => x.carrierMessageId) };
}

async function nextDue(db: Db, senderId: string): Promise<string | null> {
  const [next] = await systemSql(db).$queryRaw<{ at: Date }[]>`
    SELECT "nextAttemptAt" AS at FROM "Message" WHERE "senderId" = ${senderId} AND status = 'QUEUED' AND "nextAttemptAt" IS NOT NULL
    ORDER BY "nextAttemptAt" LIMIT 1`;
  return next?.at.toISOString() ?? null;
}
