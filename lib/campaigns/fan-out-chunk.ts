// One chunk of a campaign's fan-out: due recipients without a message get one, in one transaction
// that also marks each recipient with its message. Exactly once:
// - the recipients are locked (FOR UPDATE SKIP LOCKED): two runs, or a retried step racing its
//   first attempt, take different recipients;
// - a recipient's messageId moves in the transaction that inserts its message: a step retried after
//   a crash (before or after its commit) finds it done or not done, never half;
// - the partial unique index Message(campaignId, contactId) refuses a second message regardless.
// The same invariants as the pipeline's writer (lib/messaging/send-messages.ts): the recipients'
// Contact rows share-locked before their consent is read (a STOP commits first and the recipient is
// skipped, or waits for this commit and then cancels the queued message), messages QUEUED with their
// first MessageEvent, message.queued webhooks in the transaction, the dispatcher asked after commit.
//
// A/B: each recipient's message is its variant's (campaign-variants.ts), the rest of a test then
// winner the winner's, read under the campaign's share lock (the decision takes it exclusively, so
// a chunk sees the winner that released its recipients); the messages are inserted a variant at a
// time, each with its own media.
//
// Pacing: at most LEAD_SECONDS of the pool's throughput is kept queued ahead of the senders. More
// would not finish sooner (the dispatcher sends at the senders' pace) but would make a pause or a
// cancel touch more rows, keep other traffic of the same senders waiting behind the campaign, and
// leave opt-outs to the claim-time check instead of this one.
import { campaignTexts, type CampaignTexts } from "@/lib/campaigns/campaign-body";
import { campaignLinkOptions, withCampaignLinks, writeCampaignLinks } from "@/lib/campaigns/campaign-links";
import { messagesOf, variantIndex } from "@/lib/campaigns/campaign-variants";
import { quietColumns } from "@/lib/campaigns/send-rules";
import { getCampaign } from "@/lib/campaigns/manage-campaigns";
import { stickySender } from "@/lib/campaigns/sticky-sender";
import { afterCommit } from "@/lib/db/after-commit";
import { dropShortLinks } from "@/lib/links/insert-short-links";
import type { LinkOptions, NewLink } from "@/lib/links/shorten-text";
import { orgSqlTransaction, type OrgSqlClient } from "@/lib/db/sql";
import { DomainError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";
import { requestDispatch } from "@/lib/messaging/request-dispatch";
import { messageWebhookEvents } from "@/lib/messaging/message-webhook-events";
import type { QuietColumns } from "@/lib/messaging/quiet-columns";
import type { SerializableMessage } from "@/lib/messaging/serialize-message";
import type { OrgContext } from "@/lib/org-context";
import { segmentMessage } from "@/lib/sms/segments";
import { renderTemplate } from "@/lib/sms/templates";
import { enqueueWebhookEvents } from "@/lib/webhooks/enqueue-webhook-events";

export const MAX_CHUNK = 5_000;
export const LEAD_SECONDS = 60;
/** Shortest wait before the next chunk: recipients due within it go together. */
const MIN_WAIT_MS = 2_000;

export type ChunkOutcome =
  /** The campaign is not sending (paused, canceled, completed): the run ends. */
  | { kind: "stopped" }
  | { kind: "created"; created: number; skipped: number }
  /** Nothing to do until then: the queue is full enough, or the next recipient is not yet due. */
  | { kind: "wait"; until: string }
  /** Every recipient has its message (or its skip reason). */
  | { kind: "fanned-out" };

export interface ChunkOptions {
  maxChunk?: number;
  leadSeconds?: number;
  /** Tests: runs inside the transaction after the writes, before the commit. */
  beforeCommit?: () => Promise<void> | void;
}

interface PoolSender {
  id: string;
  address: string;
  throughput: number;
  smsPriceMicros: number;
  mmsPriceMicros: number;
}

interface DueRecipient {
  contactId: string;
  senderId: string | null;
  phone: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  customFields: Record<string, string | number | boolean>;
  optedOut: boolean;
  optOutLanguage: boolean;
  variant: number | null;
  quietZone: string | null;
  quietStart: number | null;
  quietEnd: number | null;
}

export async function fanOutChunk(ctx: OrgContext, campaignId: string, options: ChunkOptions = {}): Promise<ChunkOutcome> {
  const campaign = await getCampaign(ctx, { id: campaignId });
  if (campaign.status !== "SENDING") return { kind: "stopped" };
  const variants = messagesOf(campaign);
  const texts = await Promise.all(variants.map((m) => campaignTexts(ctx, m)));
  const quiet = await quietColumns(ctx, campaign.schedule);
  const pool = await poolSenders(ctx, campaign.senderIds);
  if (pool.size === 0) throw new DomainError("CONFLICT", "None of the campaign's senders exists any more", "senderIds", "conflict");
  const throughput = [...pool.values()].reduce((sum, s) => sum + s.throughput, 0);
  const window = Math.max(1, Math.round(throughput * (options.leadSeconds ?? LEAD_SECONDS)));
  const org = ctx.orgId;

  return orgSqlTransaction(ctx, async (tx) => {
    const [locked] = await tx.$queryRaw<{ status: string; winnerVariant: number | null }[]>`
      SELECT status::text AS status, "winnerVariant" FROM "Campaign" WHERE id = ${campaignId} AND "orgId" = ${org} FOR SHARE`;
    if (locked?.status !== "SENDING") return { kind: "stopped" } as const;

    const [queued] = await tx.$queryRaw<{ backlog: number }[]>`
      SELECT count(*)::int AS backlog FROM "Message" WHERE "campaignId" = ${campaignId} AND "orgId" = ${org} AND status = 'QUEUED'`;
    const backlog = queued!.backlog;
    const room = Math.min(options.maxChunk ?? MAX_CHUNK, window - backlog);
    if (room <= 0) return waitFor(Date.now() + Math.max(MIN_WAIT_MS, ((backlog - window / 2) / throughput) * 1000));

    const due = await lockDue(tx, campaignId, [...pool.keys()], room, quiet);
    if (due.length === 0) return nextDue(tx, campaignId);

    const optedOut = due.filter((r) => r.optedOut).map((r) => r.contactId);
    if (optedOut.length) {
      await tx.$executeRaw`UPDATE "CampaignRecipient" SET "skipReason" = 'OPTED_OUT'
        WHERE "campaignId" = ${campaignId} AND "orgId" = ${org} AND "contactId" = ANY(${optedOut}::text[])`;
    }
    const sending = due.filter((r) => !r.optedOut);
    const links = campaignLinkOptions(campaign);
    const created: NewMessage[] = [];
    for (const variant of new Set(sending.map((r) => r.variant))) {
      const index = variantIndex({ variants: campaign.variants, winnerVariant: locked.winnerVariant }, variant);
      const { mediaIds } = variants[index]!;
      const messages = sending.filter((r) => r.variant === variant).map((r) => messageFor(r, pool.get(r.senderId!)!, texts[index]!, mediaIds.length > 0, links));
      await writeCampaignLinks(tx, campaignId, messages);
      created.push(...(await insertMessages(tx, campaignId, mediaIds, messages)));
    }
    await options.beforeCommit?.();
    for (const senderId of new Set(created.map((m) => m.senderId))) await afterCommit(tx, () => requestDispatch(org, senderId));
    return { kind: "created", created: created.length, skipped: optedOut.length } as const;
  });
}

/**
 * Chunks one after another, each its own transaction, for up to `budgetMs` (at least one) or until
 * one makes nothing: a job step each would spend as long again on the executor's round trips.
 * What was made is summed; a chunk that stops, waits or finds the fan-out done ends the series, and
 * says so only when it was the first (the next call finds it so again).
 */
export async function fanOutChunks(ctx: OrgContext, campaignId: string, budgetMs: number, options: ChunkOptions = {}): Promise<ChunkOutcome> {
  const until = Date.now() + budgetMs;
  let created = 0;
  let skipped = 0;
  for (;;) {
    const outcome = await fanOutChunk(ctx, campaignId, options);
    if (outcome.kind !== "created") return created + skipped > 0 ? { kind: "created", created, skipped } : outcome;
    created += outcome.created;
    skipped += outcome.skipped;
    if (Date.now() >= until) return { kind: "created", created, skipped };
  }
}

const waitFor = (at: number): ChunkOutcome => ({ kind: "wait", until: new Date(at).toISOString() });

async function poolSenders(ctx: OrgContext, ids: string[]): Promise<Map<string, PoolSender>> {
  const rows = await ctx.db.senderNumber.findMany({
    where: { id: { in: ids } },
    select: { id: true, address: true, throughput: true, connection: { select: { smsPriceMicros: true, mmsPriceMicros: true } } },
  });
  return new Map(rows.map((s) => [s.id, { id: s.id, address: s.address, throughput: Math.max(1, s.throughput), ...s.connection }]));
}

/**
 * Locks up to `limit` due recipients without a message and share-locks their contacts, skipping rows
 * another transaction holds (another run's chunk; a STOP being recorded: that contact comes in a
 * later chunk, opted out). A recipient whose sender left the pool gets the pool's next for it.
 */
async function lockDue(tx: OrgSqlClient, campaignId: string, pool: string[], limit: number, quiet: QuietColumns): Promise<DueRecipient[]> {
  // The recipients first, alone, in their due order along their index: joined before the LIMIT, the
  // contacts and their windows would be read for every recipient left (the whole campaign, at first).
  return tx.$queryRaw<DueRecipient[]>`
    WITH r AS MATERIALIZED (
      SELECT "contactId", "senderId", "optOutLanguage", variant FROM "CampaignRecipient"
      WHERE "campaignId" = ${campaignId} AND "orgId" = ${tx.orgId} AND "messageId" IS NULL AND "skipReason" IS NULL
        AND "sendAt" <= now() AT TIME ZONE 'UTC'
      ORDER BY "sendAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    SELECT r."contactId", COALESCE(s.id, ${stickySender(Prisma.sql`r."contactId"`, pool)}) AS "senderId",
           c.phone, c."firstName", c."lastName", c.email, c."customFields", c."consentStatus" = 'OPTED_OUT' AS "optedOut", r."optOutLanguage", r.variant,
           ${quiet.zone} AS "quietZone", ${quiet.start} AS "quietStart", ${quiet.end} AS "quietEnd"
    FROM r
    JOIN "Contact" c ON c.id = r."contactId" AND c."orgId" = ${tx.orgId}
    ${quiet.join}
    LEFT JOIN "SenderNumber" s ON s.id = r."senderId" AND s."orgId" = ${tx.orgId} AND s.id = ANY(${pool}::text[])
    FOR SHARE OF c SKIP LOCKED`;
}

/** No due recipient is free: wait for the next one's time, or say the fan-out is done. */
async function nextDue(tx: OrgSqlClient, campaignId: string): Promise<ChunkOutcome> {
  const [row] = await tx.$queryRaw<{ next: Date | null }[]>`
    SELECT min("sendAt") AS next FROM "CampaignRecipient"
    WHERE "campaignId" = ${campaignId} AND "orgId" = ${tx.orgId} AND "messageId" IS NULL AND "skipReason" IS NULL`;
  if (!row?.next) return { kind: "fanned-out" };
  return waitFor(Math.max(row.next.getTime(), Date.now() + MIN_WAIT_MS));
}

interface NewMessage {
  id: string;
  contactId: string;
  senderId: string;
  from: string;
  to: string;
  body: string;
  encoding: string;
  segments: number;
  priceMicros: number;
  quietZone: string | null;
  quietStart: number | null;
  quietEnd: number | null;
  links: NewLink[];
}

function messageFor(r: DueRecipient, sender: PoolSender, texts: CampaignTexts, mms: boolean, linkOptions: LinkOptions | null): NewMessage {
  const { body, links } = withCampaignLinks(renderTemplate(r.optOutLanguage ? texts.withOptOut : texts.plain, r), linkOptions);
  const segmented = segmentMessage(body);
  const segments = mms ? 1 : segmented.segmentCount;
  return {
    id: newId("message"),
    contactId: r.contactId,
    senderId: sender.id,
    from: sender.address,
    to: r.phone,
    body,
    encoding: segmented.encoding,
    segments,
    priceMicros: mms ? sender.mmsPriceMicros : segments * sender.smsPriceMicros,
    quietZone: r.quietZone,
    quietStart: r.quietStart,
    quietEnd: r.quietEnd,
    links,
  };
}

/**
 * Inserts the messages, their first history rows and the recipients' links in one statement; a
 * message the unique index refuses (one made already) links the recipient to that one instead.
 * Returns the messages inserted here.
 */
async function insertMessages(tx: OrgSqlClient, campaignId: string, mediaIds: string[], rows: NewMessage[]): Promise<NewMessage[]> {
  if (rows.length === 0) return [];
  const org = tx.orgId;
  const col = <K extends keyof NewMessage>(key: K) => rows.map((r) => r[key]);
  const written = await tx.$queryRaw<{ id: string; at: Date; hooked: boolean }[]>`
    WITH clock AS MATERIALIZED (SELECT clock_timestamp() AT TIME ZONE 'UTC' AS at),
    u AS (
      SELECT * FROM unnest(${col("id")}::text[], ${rows.map(() => newId("messageEvent"))}::text[], ${col("contactId")}::text[],
        ${col("senderId")}::text[], ${col("from")}::text[], ${col("to")}::text[], ${col("body")}::text[], ${col("encoding")}::text[],
        ${col("segments")}::int[], ${col("priceMicros")}::int[], ${col("quietZone")}::text[], ${col("quietStart")}::int[], ${col("quietEnd")}::int[])
        AS u(id, event_id, contact, sender, sender_address, recipient, body, encoding, segments, price, quiet_zone, quiet_start, quiet_end)
    ), inserted AS (
      INSERT INTO "Message" (id, "orgId", direction, status, "senderId", "contactId", "from", "to", body, "mediaIds", encoding,
        segments, "priceMicros", marketing, "campaignId", "quietZone", "quietStart", "quietEnd", source, "createdAt", "updatedAt")
      SELECT u.id, ${org}, 'OUTBOUND'::"MessageDirection", 'QUEUED'::"MessageStatus", u.sender, u.contact, u.sender_address, u.recipient, u.body, ${mediaIds}::text[],
        u.encoding, u.segments, u.price, true, ${campaignId}, u.quiet_zone, u.quiet_start, u.quiet_end, 'campaign', clock.at, clock.at
      FROM u CROSS JOIN clock
      ON CONFLICT ("campaignId", "contactId") WHERE "campaignId" IS NOT NULL DO NOTHING
      RETURNING id, "contactId", "createdAt"
    ), history AS (
      INSERT INTO "MessageEvent" (id, "orgId", "messageId", status, source, "occurredAt")
      SELECT u.event_id, ${org}, i.id, 'QUEUED'::"MessageStatus", 'campaign', i."createdAt" FROM inserted i JOIN u ON u.id = i.id
    ), linked AS (
      UPDATE "CampaignRecipient" r SET "messageId" = i.id, segments = u.segments, "priceMicros" = u.price
      FROM inserted i JOIN u ON u.id = i.id
      WHERE r."campaignId" = ${campaignId} AND r."orgId" = ${org} AND r."contactId" = i."contactId"
        -- The recipients by their key (a hash over the campaign's every recipient otherwise, misled by the CTE's estimate).
        AND r."contactId" = ANY(${col("contactId")}::text[])
    )
    SELECT id, (SELECT at FROM clock) AS at, EXISTS (SELECT 1 FROM "WebhookEndpoint" e
      WHERE e."orgId" = ${org} AND e.enabled AND 'message.queued' = ANY(e."eventTypes")) AS hooked
    FROM inserted`;
  const ids = new Set(written.map((w) => w.id));
  const inserted = rows.filter((r) => ids.has(r.id));
  if (inserted.length < rows.length) {
    await dropShortLinks(tx, rows.filter((r) => !ids.has(r.id)).map((r) => r.id));
    await tx.$executeRaw`
      UPDATE "CampaignRecipient" r SET "messageId" = m.id, segments = m.segments, "priceMicros" = m."priceMicros"
      FROM "Message" m
      WHERE m."campaignId" = ${campaignId} AND m."orgId" = ${org} AND m."contactId" = r."contactId"
        AND r."campaignId" = ${campaignId} AND r."orgId" = ${org} AND r."messageId" IS NULL
        AND r."contactId" = ANY(${rows.filter((r) => !ids.has(r.id)).map((r) => r.contactId)}::text[])`;
  }
  if (written[0]?.hooked) {
    const at = written[0].at;
    const queued = inserted.map((m): SerializableMessage & { orgId: string } => ({
      ...m, orgId: org, direction: "OUTBOUND", status: "QUEUED", mediaIds, marketing: true, statusCallback: null, errorCode: null,
      errorMessage: null, sendAt: null, createdAt: at, updatedAt: at, sentAt: null, deliveredAt: null, failedAt: null, receivedAt: null,
    }));
    await enqueueWebhookEvents(tx, messageWebhookEvents("message.queued", queued, at));
  }
  return inserted;
}
