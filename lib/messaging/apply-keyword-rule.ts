// An org keyword rule at work, for receiveMessage: found before its transaction, its actions taken
// in it (tags, lists, subscribing with consent recorded, the inbox conversation opened or closed once
// the text has been routed to it, a KeywordMatch row for the figures), its reply sent after commit.
//
// The reply is one the contact asked for, but it is usually promotional ("Welcome! 10% off"), so it
// goes as marketing: consent gates it. A contact opted out who texts a rule's keyword gets no reply
// (the rule's tags and lists still apply, they are the org's own notes), unless the rule subscribes
// them: then they are opted in first and the reply is the confirmation carriers ask for. A STOP that
// lands between the commit and the send wins (sendOne refuses it). Like Attentive's autoresponders,
// a rule answers a contact at most once a day: a second JOIN within 24 hours is recorded, not answered.
import { recordAudit } from "@/lib/audit/record-audit";
import { announceTriggers } from "@/lib/events/announce-triggers";
import { setConversationStatus } from "@/lib/conversations/open-conversation";
import type { KeywordRule } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";
import { matchRule } from "@/lib/keywords/match-rule";
import { logger } from "@/lib/log/logger";
import { applyConsentChange } from "@/lib/messaging/apply-consent-change";
import { sendOne } from "@/lib/messaging/send-one";
import type { OrgContext, ScopedTx } from "@/lib/org-context";
import type { WebhookEvent } from "@/lib/webhooks/enqueue-webhook-events";

const log = logger.child({ component: "messaging" });
const REPLY_EVERY_MS = 24 * 60 * 60 * 1000;

export type KeywordRuleMatch = { rule: KeywordRule; keyword: string };

/** The enabled rule of the org that a text to this sender triggers, if any. */
export async function findKeywordRule(ctx: OrgContext, senderId: string, body: string): Promise<KeywordRuleMatch | null> {
  const rules = await ctx.db.keywordRule.findMany({ where: { enabled: true, OR: [{ senderIds: { isEmpty: true } }, { senderIds: { has: senderId } }] } });
  return matchRule(rules, body, senderId);
}

export interface RuleContact {
  id: string;
  phone: string;
  /** The database's clock once the contact's row lock is held. */
  at: Date;
  isNew: boolean;
  optedOut: boolean;
  /** The conversation receiveMessage routed the text to. */
  conversationId: string;
}

/** Takes the rule's actions in the inbound text's transaction; answers its webhook events and the reply to send after commit. */
export async function applyKeywordRule(
  ctx: OrgContext,
  tx: ScopedTx,
  { rule, keyword }: KeywordRuleMatch,
  contact: RuleContact,
  messageId: string,
): Promise<{ webhookEvents: WebhookEvent[]; reply: string | null }> {
  const webhookEvents: WebhookEvent[] = [];
  const tagged = rule.addTags.length > 0 ? await addTags(ctx, tx, contact.id, rule.addTags) : [];
  // A list deleted since the rule was saved is skipped.
  const lists = rule.addListIds.length > 0 ? await tx.contactList.findMany({ where: { id: { in: rule.addListIds } }, select: { id: true } }) : [];
  const listed = await tx.listMembership.createManyAndReturn({
    data: lists.map((l) => ({ listId: l.id, contactId: contact.id, orgId: ctx.orgId })),
    skipDuplicates: true,
    select: { listId: true },
  });
  // The routing's conversation.updated event, heard on commit, makes open inbox views read this status.
  const status = rule.conversationAction === "close" ? "CLOSED" : rule.conversationAction === "open" ? "OPEN" : null;
  const before = status ? await setConversationStatus(tx, ctx.orgId, contact.conversationId, status) : null;
  const conversation = status && before !== status ? { from: before, to: status } : null;
  if (tagged.length > 0 || listed.length > 0 || conversation) {
    const changes = { rule: rule.id, keyword, messageId, tagsAdded: tagged, listsAdded: listed.map((l) => l.listId), conversation };
    await recordAudit(ctx, tx, { action: "keyword_rule.applied", targetType: "contact", targetId: contact.id, changes });
  }
  // Workflows waiting for these tags or lists start once the text commits.
  await announceTriggers(tx, [
    ...tagged.map((tag) => ({ orgId: ctx.orgId, kind: "tag_added" as const, key: tag, contactIds: [contact.id], data: { tag, source: "keyword_rule" } })),
    ...listed.map((l) => ({ orgId: ctx.orgId, kind: "list_added" as const, key: l.listId, contactIds: [contact.id], data: { listId: l.listId, source: "keyword_rule" } })),
  ]);
  if (rule.subscribe) {
    // Recorded even for someone opted in already: the text is their latest proof of consent.
    const change = { kind: "OPT_IN" as const, contactId: contact.id, phone: contact.phone, at: contact.at, source: "keyword", keyword, messageId, detail: `rule "${rule.name}"` };
    webhookEvents.push(await applyConsentChange(ctx, tx, change));
  }
  const since = new Date(contact.at.getTime() - REPLY_EVERY_MS);
  const answered = await tx.keywordMatch.findFirst({ where: { ruleId: rule.id, contactId: contact.id, replied: true, occurredAt: { gt: since } }, select: { id: true } });
  const reply = rule.reply && (rule.subscribe || !contact.optedOut) && !answered ? rule.reply : null;
  await tx.keywordMatch.create({
    data: { id: newId("keywordMatch"), orgId: ctx.orgId, ruleId: rule.id, keyword, messageId, contactId: contact.id, newContact: contact.isNew, replied: reply !== null, occurredAt: contact.at },
  });
  return { webhookEvents, reply };
}

/** The tags the contact did not have, added after its own (in one statement, under the row lock the text holds). */
async function addTags(ctx: OrgContext, tx: ScopedTx, contactId: string, tags: string[]): Promise<string[]> {
  const [row] = await tx.$queryRaw<{ added: string[] }[]>`
    WITH before AS (SELECT tags FROM "Contact" WHERE id = ${contactId} AND "orgId" = ${ctx.orgId}),
    added AS (SELECT coalesce(array_agg(t ORDER BY i), '{}') AS tags FROM before, unnest(${tags}::text[]) WITH ORDINALITY AS u(t, i) WHERE t <> ALL (before.tags)),
    updated AS (UPDATE "Contact" c SET tags = c.tags || added.tags, "updatedAt" = now() AT TIME ZONE 'UTC' FROM added WHERE c.id = ${contactId} AND c."orgId" = ${ctx.orgId} AND cardinality(added.tags) > 0)
    SELECT tags AS added FROM added`;
  return row?.added ?? [];
}

/** The rule's reply, merge fields filled in for the contact; a refusal (a field deleted since, an opt-out racing it) is logged. */
export async function sendKeywordRuleReply(ctx: OrgContext, senderId: string, to: string, body: string) {
  try {
    await sendOne(ctx, { to, from: senderId, body, marketing: true, mergeFields: true }, "system");
  } catch (error) {
    log.warn(`keyword rule reply to ${to} not sent: ${(error as Error).message}`);
  }
}
