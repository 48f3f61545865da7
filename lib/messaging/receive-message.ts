// Inbound texts, from any carrier (and the simulator's virtual phones). A whole-message CTIA keyword
// changes the sender's consent in the same transaction that stores the text: STOP and its synonyms
// opt them out (and cancel marketing still waiting to go to them), START/UNSTOP (and YES from a
// contact who opted out) opt them back in, HELP/INFO get the org's help text. Then, in this order,
// opt-out wording ("remove me": lib/keywords/opt-out-phrases.ts) opts them out too, and an org keyword
// rule runs (apply-keyword-rule.ts). Every text lands in the contact's conversation
// (lib/conversations/route-inbound.ts) in the same transaction, and is announced for the inbox, for
// workflows waiting for a reply (messages/received) and for those it may start (announce-triggers.ts).
import type { InboundText } from "@/lib/carriers/carrier";
import { twilioConfig } from "@/lib/carriers/connection-config";
import { applyConsentChange } from "@/lib/messaging/apply-consent-change";
import { routeInbound } from "@/lib/conversations/route-inbound";
import { afterCommit } from "@/lib/db/after-commit";
import type { Db } from "@/lib/db/client";
import { scopedDb } from "@/lib/db/scoped";
import { DomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { logger } from "@/lib/log/logger";
import { fetchMedia } from "@/lib/media/fetch-media";
import { announceTriggers } from "@/lib/events/announce-triggers";
import { emitEvents } from "@/lib/events/emit";
import { messageReceived } from "@/lib/events/messaging";
import { matchKeyword, type KeywordKind } from "@/lib/sms/compliance-keywords";
import { detectOptOutPhrase } from "@/lib/keywords/opt-out-phrases";
import { applyKeywordRule, findKeywordRule, sendKeywordRuleReply } from "@/lib/messaging/apply-keyword-rule";
import { keywordReply } from "@/lib/messaging/keyword-replies";
import type { Message } from "@/lib/messaging/message";
import { sendOne } from "@/lib/messaging/send-one";
import type { OrgContext } from "@/lib/org-context";
import { publishLive } from "@/lib/realtime/publish-live";
import { normalizePhone, timeZoneForPhone } from "@/lib/sms/phone";
import { segmentMessage } from "@/lib/sms/segments";
import { enqueueWebhookEvents } from "@/lib/webhooks/enqueue-webhook-events";
import { messageWebhookEvents } from "@/lib/messaging/message-webhook-events";

const log = logger.child({ component: "messaging" });

export interface Received {
  message: Message;
  /** The keyword the text was, when it changed consent or asked for help. */
  keyword: KeywordKind | null;
}

export async function receiveMessage(db: Db, connectionId: string, text: InboundText): Promise<Received> {
  const sender = await findSender(db, connectionId, text.to);
  const org = await db.organization.findUniqueOrThrow({
    where: { id: sender.orgId },
    select: { id: true, name: true, defaultCountry: true, helpReply: true, optOutReply: true, optInReply: true },
  });
  const from = phoneOrAsIs(text.from, org.defaultCountry);
  const ctx: OrgContext = { db: scopedDb(db, org.id), orgId: org.id, actor: { type: "SYSTEM", id: null, label: `SMS from ${from}` }, role: null };

  if (text.carrierMessageId) {
    const seen = await ctx.db.message.findFirst({ where: { carrierMessageId: text.carrierMessageId, direction: "INBOUND", senderId: sender.id } });
    if (seen) return { message: seen, keyword: null };
  }

  const mediaIds = await storeInboundMedia(db, ctx, connectionId, text);
  const match = matchKeyword(text.body);
  const phrase = match ? null : detectOptOutPhrase(text.body);
  const rule = match || phrase ? null : await findKeywordRule(ctx, sender.id, text.body);
  const { message, keyword, ruleReply } = await ctx.db.$transaction(async (tx) => {
    // The row lock that a concurrent send's share lock waits for (or waits behind): see send-messages.ts.
    // A no-op update of a column no key holds locks it FOR NO KEY UPDATE: foreign-key checks on the
    // contact (FOR KEY SHARE: a dispatcher round or receipt writing ContactLastOutcome) pass it.
    // Setting phone, a key column, locked it FOR UPDATE, and a STOP waiting for a message the round
    // held deadlocked with that round waiting for the contact.
    const [contact] = await tx.$queryRaw<{ id: string; consentStatus: string; at: Date; isNew: boolean }[]>`
      INSERT INTO "Contact" (id, "orgId", phone, "timeZone", source, "optedInAt", "updatedAt")
      VALUES (${newId("contact")}, ${org.id}, ${from}, ${timeZoneForPhone(from)}, 'inbound', now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
      ON CONFLICT ("orgId", phone) DO UPDATE SET "updatedAt" = "Contact"."updatedAt"
      RETURNING id, "consentStatus"::text AS "consentStatus", clock_timestamp() AS at, (xmax = 0) AS "isNew"`;
    const optedOut = contact!.consentStatus === "OPTED_OUT";
    // YES opts in only someone who opted out; from anyone else it is an ordinary reply.
    const keyword = match && !(match.keyword === "YES" && !optedOut) ? match : phrase && !optedOut ? ({ kind: "OPT_OUT", keyword: null } as const) : null;

    const segmented = segmentMessage(text.body);
    const message = await tx.message.create({
      data: {
        id: newId("message", text.receivedAt),
        orgId: org.id,
        direction: "INBOUND",
        status: "RECEIVED",
        senderId: sender.id,
        contactId: contact!.id,
        from,
        to: sender.address,
        body: text.body,
        mediaIds,
        encoding: segmented.encoding,
        segments: segmented.segmentCount,
        carrierMessageId: text.carrierMessageId ?? null,
        receivedAt: text.receivedAt,
        marketing: false,
        events: { create: { id: newId("messageEvent"), orgId: org.id, status: "RECEIVED", source: "carrier", occurredAt: text.receivedAt } },
      },
    });
    const conversation = await routeInbound(tx, { orgId: org.id, contactId: contact!.id, senderId: sender.id, messageId: message.id, at: text.receivedAt, answered: keyword !== null });
    const webhookEvents = messageWebhookEvents("message.received", [message], text.receivedAt);

    if (keyword?.kind === "OPT_OUT" || keyword?.kind === "OPT_IN") {
      const by = keyword.keyword ? { source: "keyword", keyword: keyword.keyword } : { source: "phrase", phrase: phrase! };
      const change = { kind: keyword.kind, contactId: contact!.id, phone: from, at: contact!.at, ...by, messageId: message.id };
      webhookEvents.push(await applyConsentChange(ctx, tx, change));
    }
    const applied = rule ? await applyKeywordRule(ctx, tx, rule, { ...contact!, phone: from, optedOut, conversationId: conversation.id }, message.id) : null;
    webhookEvents.push(...(applied?.webhookEvents ?? []));
    await enqueueWebhookEvents(tx, webhookEvents);
    // Heard by the inbox's open views when this commits (lib/realtime/publish-live.ts).
    await publishLive(tx, org.id, [{ topic: "message.received", data: { messageId: message.id, contactId: contact!.id, senderId: sender.id } }]);
    const kind = keyword?.kind ?? null;
    const keywordRuleId = applied ? rule!.rule.id : null;
    await afterCommit(tx, () =>
      emitEvents(messageReceived.create({ orgId: org.id, messageId: message.id, contactId: contact!.id, senderId: sender.id, keyword: kind, keywordRuleId })),
    );
    // A new number texting in is a contact made (source inbound), as one made in the UI or the API is;
    // the text starts workflows on any text, or on the keyword rule it ran (compliance keywords start nothing).
    const contactIds = [contact!.id];
    const data = { messageId: message.id, senderId: sender.id, body: text.body, keywordRuleId };
    await announceTriggers(tx, [
      ...(contact!.isNew ? [{ orgId: org.id, kind: "contact_created" as const, key: null, contactIds, data: { source: "inbound" } }] : []),
      ...(!kind && keywordRuleId ? [{ orgId: org.id, kind: "keyword" as const, key: keywordRuleId, contactIds, data }] : []),
      ...(!kind ? [{ orgId: org.id, kind: "inbound_message" as const, key: null, contactIds, data }] : []),
    ]);
    return { message, keyword: kind, ruleReply: applied?.reply ?? null };
  });

  if (keyword) await reply(ctx, sender.id, from, keyword, org);
  if (ruleReply) await sendKeywordRuleReply(ctx, sender.id, from, ruleReply);
  return { message, keyword };
}

/**
 * An MMS's pictures, fetched from the carrier (through the SSRF guard) into the org's media, so they
 * outlive the carrier's copy. A file that cannot be fetched is logged and left out: the text itself
 * must not be lost for it.
 */
async function storeInboundMedia(db: Db, ctx: OrgContext, connectionId: string, text: InboundText): Promise<string[]> {
  if (text.media.length === 0) return [];
  const connection = await db.carrierConnection.findUniqueOrThrow({ where: { id: connectionId }, select: { kind: true, config: true } });
  // Twilio serves media behind the account's credentials when media auth is on.
  const twilio = connection.kind === "TWILIO" ? twilioConfig.parse(connection.config) : null;
  const auth = twilio ? { user: twilio.accountSid, password: twilio.authToken } : undefined;
  const ids: string[] = [];
  for (const [i, media] of text.media.entries()) {
    try {
      ids.push((await fetchMedia(ctx, media.url, { field: `media.${i}`, auth })).id);
    } catch (error) {
      log.warn(`inbound media ${media.url} from ${text.from} not stored: ${(error as Error).message}`);
    }
  }
  return ids;
}

async function findSender(db: Db, connectionId: string, to: string) {
  const candidates = [to, `+${to.replace(/^\+/, "")}`];
  const sender = await db.senderNumber.findFirst({ where: { connectionId, address: { in: candidates } }, select: { id: true, orgId: true, address: true } });
  if (!sender) throw new DomainError("NOT_FOUND", `No sender number ${to} on this connection`, "to");
  return sender;
}

function phoneOrAsIs(from: string, defaultCountry: string): string {
  const phone = normalizePhone(from, defaultCountry);
  return phone.ok ? phone.e164 : from.trim();
}

/**
 * The keyword's reply, sent as transactional traffic: it must reach someone who just opted out.
 * The org's own wording may carry merge fields (checked when saved); should one of them have been
 * deleted since, the built-in reply goes instead, as a STOP must be confirmed.
 */
async function reply(ctx: OrgContext, senderId: string, to: string, keyword: KeywordKind, org: Parameters<typeof keywordReply>[0]) {
  const { body, own, builtIn } = keywordReply(org, keyword);
  const send = (text: string, mergeFields: boolean) => sendOne(ctx, { to, from: senderId, body: text, marketing: false, mergeFields }, "system");
  try {
    await send(body, own).catch((error: unknown) => {
      if (!(own && error instanceof DomainError && error.field === "body")) throw error;
      log.warn(`keyword reply to ${to}: the organisation's own wording was refused (${error.message}); sending the built-in one`);
      return send(builtIn, false);
    });
  } catch (error) {
    log.warn(`keyword reply to ${to} not sent: ${(error as Error).message}`);
  }
}
