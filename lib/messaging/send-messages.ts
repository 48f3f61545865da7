// The one way a message enters the pipeline (compose box, REST, Twilio-compatible API, campaigns,
// workflows, auto-replies): validated and priced per item, then written `queued` (or `scheduled`)
// with its first history row in one transaction per batch, and announced to the dispatcher.
//
// Opt-outs: every recipient is a contact (made here when new). The transaction takes a share lock
// on the recipients' contact rows before it decides; receive-message takes the row lock to record a
// STOP. So a STOP either commits first and the send sees it, or waits until the send has committed:
// no marketing message is ever accepted after a STOP was recorded.
import { recordAuditSql } from "@/lib/audit/record-audit";
import { orgSqlTransaction, type OrgSqlClient } from "@/lib/db/sql";
import { Prisma, type Message as MessageRow } from "@/lib/generated/prisma/client";
import { DomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { dropShortLinks, insertShortLinks } from "@/lib/links/insert-short-links";
import { announceTriggers } from "@/lib/events/announce-triggers";
import { emitEvents } from "@/lib/events/emit";
import { messagesScheduled } from "@/lib/events/messaging";
import { requestDispatch } from "@/lib/messaging/request-dispatch";
import { withoutSecret, type Message } from "@/lib/messaging/message";
import { MAX_BATCH, type SendMessageInput } from "@/lib/messaging/message-input";
import { prepareMessages } from "@/lib/messaging/prepare-messages";
import type { PreparedSend } from "@/lib/messaging/prepare-send";
import type { OrgContext } from "@/lib/org-context";
import { timeZoneForPhone } from "@/lib/sms/phone";
import { enqueueWebhookEvents } from "@/lib/webhooks/enqueue-webhook-events";
import { messageWebhookEvents } from "@/lib/messaging/message-webhook-events";

export type SendSource = "ui" | "api" | "campaign" | "workflow" | "system";

export type SendResult = { ok: true; message: Message; duplicate: boolean } | { ok: false; error: DomainError };

export async function sendMessages(ctx: OrgContext, inputs: SendMessageInput[], source: SendSource): Promise<SendResult[]> {
  const { results, announced } = await acceptMessages(ctx, inputs, source);
  await announced;
  return results;
}

/**
 * sendMessages in two steps: resolves once the batch is committed, with `announced` settling when
 * the dispatcher (and the scheduler, for scheduled ones) has been told (it never rejects; see lib/events/emit.ts).
 * Lets a caller start its next batch while this one is being announced (lib/messaging/send-one.ts).
 */
export async function acceptMessages(
  ctx: OrgContext,
  inputs: SendMessageInput[],
  source: SendSource,
): Promise<{ results: SendResult[]; announced: Promise<void> }> {
  if (inputs.length > MAX_BATCH) {
    throw new DomainError("BAD_REQUEST", `At most ${MAX_BATCH} messages per batch (got ${inputs.length})`, "messages", "batch_too_large");
  }
  const now = new Date();
  const prepared = await prepareMessages(ctx, inputs, now);
  const valid = prepared.flatMap((p, index) => (p.ok ? [{ index, send: p.send }] : []));
  const results: (SendResult | undefined)[] = prepared.map((p) => (p.ok ? undefined : { ok: false, error: p.error }));
  if (valid.length === 0) return { results: results as SendResult[], announced: Promise.resolve() };

  // Its message.queued webhooks are announced as it commits (enqueueWebhookEvents); the dispatcher
  // and scheduler after that, without holding up the caller (see `announced`).
  const created = await orgSqlTransaction(ctx, (tx) => writeMessages(ctx, tx, valid, source));
  for (const [index, result] of created) results[index] = result;

  const fresh = [...created.values()].flatMap((r) => (r.ok && !r.duplicate ? [r.message] : []));
  return { results: results as SendResult[], announced: announce(ctx.orgId, fresh) };
}

interface ContactLock {
  id: string;
  phone: string;
  consentStatus: "OPTED_IN" | "OPTED_OUT";
}

async function writeMessages(
  ctx: OrgContext,
  tx: OrgSqlClient,
  items: { index: number; send: PreparedSend }[],
  source: SendSource,
): Promise<Map<number, SendResult>> {
  const results = new Map<number, SendResult>();

  // The same idempotency key means the same message: earlier sends, and repeats within this batch.
  const keys = [...new Set(items.flatMap((i) => (i.send.idempotencyKey ? [i.send.idempotencyKey] : [])))];
  const existing = new Map(
    keys.length ? (await messagesWithKeys(tx, ctx.orgId, keys)).map((m) => [m.idempotencyKey!, m]) : [],
  );
  const firstWithKey = new Map<string, number>();
  const pending: { index: number; send: PreparedSend }[] = [];
  const repeats: { index: number; key: string }[] = [];
  for (const item of items) {
    const key = item.send.idempotencyKey;
    const earlier = key ? existing.get(key) : undefined;
    if (earlier) results.set(item.index, { ok: true, message: earlier, duplicate: true });
    else if (key && firstWithKey.has(key)) repeats.push({ index: item.index, key });
    else {
      if (key) firstWithKey.set(key, item.index);
      pending.push(item);
    }
  }

  const marketingTo = new Set(pending.filter((p) => p.send.marketing).map((p) => p.send.to));
  const contacts = await lockRecipients(ctx, tx, [...new Set(pending.map((p) => p.send.to))], source, marketingTo);
  const accepted = pending.filter(({ index, send }) => {
    const contact = contacts.get(send.to)!;
    if (send.marketing && contact.consentStatus === "OPTED_OUT") {
      const error = new DomainError("BAD_REQUEST", `${send.to} has opted out of messages from this organisation`, "to", "recipient_unsubscribed");
      results.set(index, { ok: false, error });
      return false;
    }
    return true;
  });

  const rows = accepted.map(({ send }) => messageRow(ctx.orgId, send, contacts.get(send.to)!.id));
  // Short links (shorten_links) before their messages: a code that had to change changes the body.
  const linked = accepted.flatMap(({ send }, i) => (send.links.length > 0 ? [{ row: rows[i]!, links: send.links }] : []));
  if (linked.length > 0) {
    const bodies = await insertShortLinks(tx, linked.map(({ row, links }) => ({ messageId: row.id, contactId: row.contactId, campaignId: null, body: row.body, links })));
    linked.forEach(({ row }, i) => (row.body = bodies[i]!));
  }
  const inserted = await insertMessages(ctx.orgId, tx, rows, accepted.map(({ send }) => send.secretBody), source);
  const byId = new Map(inserted.map((m) => [m.id, m]));
  if (linked.length > 0) await dropShortLinks(tx, linked.filter(({ row }) => !byId.has(row.id)).map(({ row }) => row.id));

  // A key another transaction inserted between our read and our insert: that one is the message.
  const lostRace = accepted.filter((_, i) => !byId.has(rows[i]!.id)).map((a) => a.send.idempotencyKey!);
  if (lostRace.length) {
    for (const m of await messagesWithKeys(tx, ctx.orgId, lostRace)) existing.set(m.idempotencyKey!, m);
  }
  await auditOptOutOverrides(ctx, tx, inserted, contacts);
  accepted.forEach(({ index, send }, i) => {
    const mine = byId.get(rows[i]!.id);
    const message = mine ?? existing.get(send.idempotencyKey!)!;
    results.set(index, { ok: true, message, duplicate: !mine });
    if (mine && send.idempotencyKey) existing.set(send.idempotencyKey, mine);
  });
  for (const { index, key } of repeats) {
    const first = results.get(firstWithKey.get(key)!)!;
    results.set(index, first.ok ? { ok: true, message: first.message, duplicate: true } : first);
  }
  return results;
}

/** A person's or a key's transactional message to a contact who opted out (lib/messaging/transactional.ts says why these). */
async function auditOptOutOverrides(ctx: OrgContext, tx: OrgSqlClient, inserted: Message[], contacts: Map<string, ContactLock>) {
  if (ctx.actor.type === "SYSTEM") return;
  const overrides = inserted.filter((m) => !m.marketing && contacts.get(m.to)!.consentStatus === "OPTED_OUT");
  await recordAuditSql(
    ctx,
    tx,
    overrides.map((m) => ({
      action: "message.sent_to_opted_out" as const,
      targetType: "message" as const,
      targetId: m.id,
      changes: { from: m.from, to: m.to, contactId: m.contactId },
    })),
  );
}

const messagesWithKeys = async (tx: OrgSqlClient, orgId: string, keys: string[]): Promise<Message[]> =>
  (await tx.$queryRaw<MessageRow[]>`SELECT * FROM "Message" WHERE "orgId" = ${orgId} AND "idempotencyKey" = ANY(${keys}::text[])`).map(withoutSecret);

/**
 * Makes a contact for every new recipient and share-locks every recipient's row for the rest of the
 * transaction. A concurrent STOP (an update of the row) waits for this commit, or this waits for it.
 * A contact made by a person's or a key's marketing text is announced to workflows (contact_created);
 * one made by a transactional text (a login code, a receipt) is not: a welcome series must not follow it.
 */
async function lockRecipients(ctx: OrgContext, tx: OrgSqlClient, phones: string[], source: SendSource, marketingTo: ReadonlySet<string>): Promise<Map<string, ContactLock>> {
  if (phones.length === 0) return new Map();
  const made = await tx.$queryRaw<{ id: string; phone: string }[]>`
    INSERT INTO "Contact" (id, "orgId", phone, "timeZone", source, "optedInAt", "updatedAt")
    SELECT u.id, ${ctx.orgId}, u.phone, u.zone, ${source}, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
    FROM unnest(${phones.map(() => newId("contact"))}::text[], ${phones}::text[], ${phones.map(timeZoneForPhone)}::text[]) AS u(id, phone, zone)
    ON CONFLICT ("orgId", phone) DO NOTHING
    RETURNING id, phone`;
  if (source === "ui" || source === "api") {
    const contactIds = made.filter((c) => marketingTo.has(c.phone)).map((c) => c.id);
    await announceTriggers(tx, [{ orgId: ctx.orgId, kind: "contact_created", key: null, contactIds, data: { source } }]);
  }
  const rows = await tx.$queryRaw<ContactLock[]>`
    SELECT id, phone, "consentStatus"::text AS "consentStatus" FROM "Contact"
    WHERE "orgId" = ${ctx.orgId} AND phone = ANY(${phones}::text[])
    ORDER BY id FOR SHARE`;
  return new Map(rows.map((r) => [r.phone, r]));
}

/**
 * Inserts the messages and their first history rows in one set-based statement (Prisma's createMany
 * builds a 1,000-row insert far more slowly); a row whose idempotency key another transaction has
 * just used is skipped, and only the rows inserted here are returned (a batch without keys inserts
 * plainly: ON CONFLICT's speculative insertion made every row's insert ~5 µs dearer). Their time is the database's
 * clock, read as they are written, after the recipients' locks are held: the time a message was
 * accepted, which the STOP race test compares with the consent event's time from the same clock.
 * When some endpoint wants message.queued, the queued ones become webhook events.
 */
async function insertMessages(
  orgId: string,
  tx: OrgSqlClient,
  rows: Message[],
  secretBodies: (string | null)[],
  source: SendSource,
): Promise<Message[]> {
  if (rows.length === 0) return [];
  const col = <K extends keyof Message>(key: K) => rows.map((r) => r[key]);
  const written = await tx.$queryRaw<{ id: string; at: Date; hooked: boolean }[]>`
    WITH clock AS MATERIALIZED (SELECT clock_timestamp() AT TIME ZONE 'UTC' AS at), inserted AS (
      INSERT INTO "Message" (id, "orgId", direction, status, "senderId", "contactId", "from", "to", body, "secretBody", "mediaIds", encoding,
        segments, "priceMicros", marketing, "idempotencyKey", "statusCallback", "sendAt", "nextAttemptAt", source, "createdAt", "updatedAt")
      SELECT u.id, u.org, u.direction::"MessageDirection", u.status::"MessageStatus", u.sender, u.contact, u.sender_address, u.recipient,
        u.body, u.secret_body, ARRAY(SELECT json_array_elements_text(u.media::json)), u.encoding, u.segments, u.price, u.marketing, u.idem,
        u.callback, u.send_at::timestamp, u.send_at::timestamp, ${source}, clock.at, clock.at
      FROM unnest(${col("id")}::text[], ${col("orgId")}::text[], ${col("direction")}::text[], ${col("status")}::text[],
        ${col("senderId")}::text[], ${col("contactId")}::text[], ${col("from")}::text[], ${col("to")}::text[], ${col("body")}::text[],
        ${secretBodies}::text[], ${rows.map((r) => JSON.stringify(r.mediaIds))}::text[], ${col("encoding")}::text[], ${col("segments")}::int[],
        ${col("priceMicros")}::int[], ${col("marketing")}::boolean[], ${col("idempotencyKey")}::text[], ${col("statusCallback")}::text[],
        ${rows.map((r) => r.sendAt?.toISOString() ?? null)}::text[])
        AS u(id, org, direction, status, sender, contact, sender_address, recipient, body, secret_body, media, encoding, segments, price, marketing, idem, callback, send_at)
      CROSS JOIN clock
      ${rows.some((r) => r.idempotencyKey) ? Prisma.sql`ON CONFLICT DO NOTHING` : Prisma.empty}
      RETURNING id, "orgId", status, "createdAt"
    ), history AS (
      INSERT INTO "MessageEvent" (id, "orgId", "messageId", status, source, "occurredAt")
      SELECT e.id, i."orgId", i.id, i.status, ${source}, i."createdAt"
      FROM inserted i JOIN unnest(${col("id")}::text[], ${rows.map((r) => newId("messageEvent", r.createdAt))}::text[]) AS e(message, id) ON e.message = i.id
    )
    SELECT id, (SELECT at FROM clock) AS at, EXISTS (SELECT 1 FROM "WebhookEndpoint" e
      WHERE e."orgId" = ${orgId} AND e.enabled AND 'message.queued' = ANY(e."eventTypes")) AS hooked
    FROM inserted`;
  if (written.length === 0) return [];
  const { at, hooked } = written[0]!;
  const ids = new Set(written.map((r) => r.id));
  const inserted = rows.filter((r) => ids.has(r.id));
  for (const m of inserted) {
    m.createdAt = m.updatedAt = at;
    m.source = source;
  }
  if (hooked) {
    const queued = inserted.filter((m) => m.status === "QUEUED");
    await enqueueWebhookEvents(tx, messageWebhookEvents("message.queued", queued, at));
  }
  return inserted;
}

/**
 * The row as it will be stored: what is inserted plus the columns' defaults (no need to read it
 * back). Its times are the app's clock until insertMessages sets them to the database's.
 */
function messageRow(orgId: string, send: PreparedSend, contactId: string, now = new Date()): Message {
  return {
    id: newId("message", now),
    orgId,
    direction: "OUTBOUND",
    status: send.status,
    senderId: send.sender.id,
    contactId,
    from: send.sender.address,
    to: send.to,
    body: send.body,
    mediaIds: send.mediaIds,
    encoding: send.encoding,
    segments: send.segments,
    priceMicros: send.priceMicros,
    marketing: send.marketing,
    idempotencyKey: send.idempotencyKey,
    statusCallback: send.statusCallback,
    campaignId: null,
    // insertMessages writes the batch's source.
    source: null,
    sendAt: send.sendAt,
    // Not held for quiet hours: campaigns, which are, write their rows with quietColumnsSql.
    quietZone: null,
    quietStart: null,
    quietEnd: null,
    nextAttemptAt: send.sendAt,
    createdAt: now,
    updatedAt: now,
    errorCode: null,
    errorMessage: null,
    attempts: 0,
    carrierMessageId: null,
    sentAt: null,
    deliveredAt: null,
    failedAt: null,
    receivedAt: null,
  };
}

/** One dispatch request per sender with queued messages, one schedule per sender and send time. */
async function announce(orgId: string, messages: Message[]) {
  const queued = new Set<string>();
  const scheduled = new Map<string, { senderId: string; sendAt: Date }>();
  for (const m of messages) {
    if (!m.senderId) continue;
    if (m.status === "QUEUED") queued.add(m.senderId);
    else if (m.status === "SCHEDULED" && m.sendAt) scheduled.set(`${m.senderId}|${m.sendAt.toISOString()}`, { senderId: m.senderId, sendAt: m.sendAt });
  }
  await Promise.all([
    ...[...queued].map((senderId) => requestDispatch(orgId, senderId)),
    emitEvents([...scheduled.values()].map(({ senderId, sendAt }) => messagesScheduled.create({ orgId, senderId, sendAt: sendAt.toISOString() }))),
  ]);
}
