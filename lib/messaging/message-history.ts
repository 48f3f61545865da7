// Status changes of messages, each with its history row, applied in bulk and only where the move is
// allowed (lib/messaging/status.ts): a change whose message has moved on meanwhile is skipped, so a
// late or duplicate report never moves a message backwards. What a move owes the outside world is
// written in the same statement or transaction as outbox rows (webhook deliveries, StatusCallbacks)
// and announced to the job server only once the transaction has committed (lib/db/after-commit.ts).
import { afterCommitBatched } from "@/lib/db/after-commit";
import type { SqlClient } from "@/lib/db/sql";
import { Prisma, type Message } from "@/lib/generated/prisma/client";
import type { MessageStatus } from "@/lib/generated/prisma/enums";
import { newId } from "@/lib/ids";
import { lastOutcomeWrite } from "@/lib/messaging/last-outcome";
import { LIVE_STATUS_SOURCES, publishStatusMoves } from "@/lib/messaging/live-status";
import { canTransition, statusesBefore } from "@/lib/messaging/status";
import { CALLBACK_STATUSES, requestStatusCallbacks } from "@/lib/messaging/status-callbacks";
import { enqueueWebhookEvents } from "@/lib/webhooks/enqueue-webhook-events";
import { messageEventType, messageWebhookEvents } from "@/lib/messaging/message-webhook-events";

export interface StatusChange {
  messageId: string;
  to: MessageStatus;
  errorCode?: string | null;
  errorMessage?: string | null;
  /** Extra columns for this change: a carrier id, a retry time, a new send time (a hold). */
  carrierMessageId?: string | null;
  nextAttemptAt?: Date | null;
  sendAt?: Date | null;
  attempts?: number;
  /** Why, for the history row alone (not the message): a hold's "until". */
  detail?: string | null;
}

const WEBHOOK_STATUSES = new Set<MessageStatus>(["QUEUED", "SENT", "DELIVERED", "UNDELIVERED", "FAILED"]);

// Whether any endpoint wants the event: an org without endpoints pays no extra statement inside
// this transaction (these run at the carrier's pace, thousands a second).
// message.queued is sent once, when a message is first queued: at its send (send-messages.ts) or
// when its scheduled time comes (a move here of a message never yet submitted), not on a requeue
// after a carrier's refusal, which counted an attempt, nor when one held for quiet hours comes
// out of its hold (it was queued before: the statement's snapshot holds the earlier history only).
const webhookColumns = (type: string) => Prisma.sql`, EXISTS (
  SELECT 1 FROM "WebhookEndpoint" e WHERE e."orgId" = moved."orgId" AND e.enabled AND ${type} = ANY(e."eventTypes"))
  AND (${type} <> 'message.queued' OR (moved.attempts = 0
    AND NOT EXISTS (SELECT 1 FROM "MessageEvent" q WHERE q."messageId" = moved.id AND q.status = 'QUEUED'))) AS webhooked`;

const TIME_COLUMN: Partial<Record<MessageStatus, string>> = {
  SENT: "sentAt",
  DELIVERED: "deliveredAt",
  UNDELIVERED: "failedAt",
  FAILED: "failedAt",
  RECEIVED: "receivedAt",
};

export interface StatusChangeOptions {
  /** When the moves happened (the history rows' time); now if not given. */
  at?: Date;
  /**
   * A status the messages pass through on the way, written as its own earlier history row but not as
   * a row version of its own: one write of the message where two moves would take two. The messages
   * must be in a status that may move to `via.status`, which must be allowed to move to `to`.
   */
  via?: { status: MessageStatus; source: string; at: Date };
  /**
   * Narrows the statuses a message may move from to these (of those the status rules allow): a
   * cancel moves only scheduled messages to canceled, though queued ones may be canceled too.
   */
  from?: readonly MessageStatus[];
  /**
   * The org the messages must belong to, for a caller acting for one org: its client (ctx.db and its
   * transactions) refuses raw SQL that does not bind the org (lib/db/scoped.ts). A change of a
   * message of another org is skipped, as one whose message moved on is.
   */
  orgId?: string;
}

/**
 * Applies the changes that are allowed and records each applied one as a MessageEvent; returns the
 * ids that moved. All changes in one call must go to the same status. Moves to queued (the first),
 * sent, delivered, undelivered and failed also queue webhook deliveries in the same transaction, and
 * the last four a StatusCallback for messages that have one (in the same statement). Give it the
 * transaction's client: the announcements wait for its commit.
 */
export async function applyStatusChanges(
  db: SqlClient,
  to: MessageStatus,
  changes: StatusChange[],
  source: string,
  { at, via, from: only, orgId }: StatusChangeOptions = {},
): Promise<{ id: string; orgId: string }[]> {
  if (changes.length === 0) return [];
  if (via && !canTransition(via.status, to)) throw new Error(`A message cannot move from ${via.status} to ${to}`);
  // Moves that are webhook events need the whole message for the payload.
  const eventType = WEBHOOK_STATUSES.has(to) ? messageEventType(to) : undefined;
  const from = statusesBefore(via?.status ?? to).filter((status) => !only || only.includes(status));
  const timeColumn = TIME_COLUMN[to];
  const ids = changes.map((c) => c.messageId);
  const codes = changes.map((c) => c.errorCode ?? null);
  const texts = changes.map((c) => c.errorMessage ?? null);
  const carrierIds = changes.map((c) => c.carrierMessageId ?? null);
  // Dates go as ISO text: columns are UTC `timestamp`, and the adapter does not convert arrays of Dates.
  const retryAt = changes.map((c) => c.nextAttemptAt?.toISOString() ?? null);
  const sendAt = changes.map((c) => c.sendAt?.toISOString() ?? null);
  const details = changes.map((c) => c.detail ?? null);
  const attempts = changes.map((c) => c.attempts ?? null);
  const occurredAt = at ?? new Date();
  const inOrg = (column: string) => (orgId === undefined ? Prisma.empty : Prisma.sql`AND ${Prisma.raw(column)} = ${orgId}`);
  const eventIds = changes.map(() => newId("messageEvent", occurredAt));
  const viaIds = via ? Prisma.sql`, ${changes.map(() => newId("messageEvent", via.at))}::text[]` : Prisma.empty;
  const viaHistory = via
    ? Prisma.sql`, via_history AS (
        INSERT INTO "MessageEvent" (id, "orgId", "messageId", status, source, "occurredAt")
        SELECT via_event_id, "orgId", id, ${via.status}::"MessageStatus", ${via.source}, ${via.at} FROM moved
      )`
    : Prisma.empty;
  const statusCallbacks = CALLBACK_STATUSES.has(to)
    ? Prisma.sql`, callbacks AS (
        INSERT INTO "TwilioStatusCallback" ("orgId", "messageId", status, "errorCode", "createdAt")
        SELECT "orgId", id, ${to}::"MessageStatus", code, now() AT TIME ZONE 'UTC' FROM moved WHERE "statusCallback" IS NOT NULL
      )`
    : Prisma.empty;
  // One statement: move the rows still in an allowed status, then write history (and StatusCallbacks,
  // and their contacts' last outcome: lib/messaging/last-outcome.ts) for those moved.
  const moved = await db.$queryRaw<{ id: string; orgId: string; calledBack: boolean; webhooked?: boolean; live: string | null }[]>`
    WITH input AS (
      SELECT * FROM unnest(${ids}::text[], ${codes}::text[], ${texts}::text[], ${carrierIds}::text[],
                           ${retryAt}::timestamp[], ${sendAt}::timestamp[], ${attempts}::int[], ${details}::text[], ${eventIds}::text[]${viaIds})
        AS u(id, code, text, carrier_id, retry_at, send_at, attempts, detail, event_id${via ? Prisma.raw(", via_event_id") : Prisma.empty})
    ), moved AS (
      UPDATE "Message" m SET
        status = ${to}::"MessageStatus",
        "errorCode" = COALESCE(input.code, CASE WHEN ${to} IN ('QUEUED', 'SENT', 'DELIVERED') THEN NULL ELSE m."errorCode" END),
        "errorMessage" = COALESCE(input.text, CASE WHEN ${to} IN ('QUEUED', 'SENT', 'DELIVERED') THEN NULL ELSE m."errorMessage" END),
        "carrierMessageId" = COALESCE(input.carrier_id, m."carrierMessageId"),
        "nextAttemptAt" = input.retry_at,
        "sendAt" = COALESCE(input.send_at, m."sendAt"),
        -- A masked secret's whole text is kept only for as long as the carrier may still need it.
        "secretBody" = CASE WHEN ${to} IN ('SENT', 'DELIVERED', 'UNDELIVERED', 'FAILED', 'CANCELED') THEN NULL ELSE m."secretBody" END,
        attempts = COALESCE(input.attempts, m.attempts),
        "sentAt" = CASE WHEN ${timeColumn ?? ""} = 'sentAt' THEN ${occurredAt} ELSE m."sentAt" END,
        "deliveredAt" = CASE WHEN ${timeColumn ?? ""} = 'deliveredAt' THEN ${occurredAt} ELSE m."deliveredAt" END,
        "failedAt" = CASE WHEN ${timeColumn ?? ""} = 'failedAt' THEN ${occurredAt} ELSE m."failedAt" END,
        "updatedAt" = ${occurredAt}
      FROM input
      -- Status compared as text: the planner must not take the dispatcher's partial index for it.
      -- With statistics from before the queue filled (a table not analyzed since, as the embedded
      -- database never does), it hashed every waiting message for each batch; by id is always right.
      WHERE m.id = input.id AND m.status::text = ANY(${from}::text[]) ${inOrg('m."orgId"')}
      RETURNING m.id, m."orgId", m."contactId", m.direction, m.source, m."errorCode", m."statusCallback", m.attempts, input.code, input.text, input.detail, input.event_id${via ? Prisma.raw(", input.via_event_id") : Prisma.empty}
    ), history AS (
      INSERT INTO "MessageEvent" (id, "orgId", "messageId", status, "errorCode", "errorMessage", detail, source, "occurredAt")
      SELECT event_id, "orgId", id, ${to}::"MessageStatus", code, text, to_jsonb(detail), ${source}, ${occurredAt} FROM moved
    )${viaHistory}${statusCallbacks}${lastOutcomeWrite(to)}
    SELECT id, "orgId", "statusCallback" IS NOT NULL AS "calledBack",
      -- Null (nothing to decode) for the pipeline's moves: see lib/messaging/live-status.ts.
      CASE WHEN direction = 'OUTBOUND' AND source = ANY(${LIVE_STATUS_SOURCES}::text[]) THEN json_build_array("contactId", "errorCode")::text END AS live${eventType ? webhookColumns(eventType) : Prisma.empty}
    FROM moved`;
  // Whole rows are read back only for messages some endpoint wants: decoding a thousand full rows
  // per carrier round would cost more than the move itself.
  const hookedIds = moved.filter((m) => m.webhooked).map((m) => m.id);
  if (eventType && hookedIds.length > 0) {
    const hooked = await db.$queryRaw<Message[]>`SELECT * FROM "Message" WHERE id = ANY(${hookedIds}::text[]) ${inOrg('"orgId"')}`;
    await enqueueWebhookEvents(db, messageWebhookEvents(eventType, hooked, occurredAt));
  }
  // The inbox's open threads hear their texts' moves (lib/messaging/live-status.ts).
  const live = moved.filter((m) => m.live !== null);
  if (live.length > 0) await publishStatusMoves(db, to, live);
  if (CALLBACK_STATUSES.has(to)) {
    await afterCommitBatched(db, requestStatusCallbacks, moved.filter((m) => m.calledBack).map((m) => ({ orgId: m.orgId, messageId: m.id })));
  }
  return moved;
}
