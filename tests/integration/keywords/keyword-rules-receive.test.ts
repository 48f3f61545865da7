// Org keyword rules at work in receiveMessage: a JOIN subscribes with consent recorded, tags, lists
// and replies after commit (once a day); a disabled rule and another number's rule do nothing; an
// opted-out contact gets no promotional reply; opt-out wording opts out with the phrase recorded.
import { beforeAll, describe, expect, it } from "vitest";
import { createKeywordRule, setKeywordRuleEnabled } from "@/lib/keywords/manage-rules";
import { createList } from "@/lib/lists/manage-lists";
import { receiveMessage } from "@/lib/messaging/receive-message";
import type { OrgContext } from "@/lib/org-context";
import { createSender } from "@/lib/senders/manage-senders";
import { setupTestDatabase } from "../helpers/db";
import { createOrgWithOwner, orgContextFor } from "../helpers/factories";

const { db } = await setupTestDatabase();

let ctx: OrgContext;
let sender: { id: string; address: string; connectionId: string };
let other: { id: string; address: string };
let listId: string;

beforeAll(async () => {
  const { org, owner } = await createOrgWithOwner(db, { name: "Bean There" });
  ctx = await orgContextFor(db, owner, org.id);
  sender = await db.senderNumber.findFirstOrThrow({ where: { orgId: org.id } });
  other = await createSender(ctx, { kind: "LONG_CODE", address: "+1 415 555 0199", connectionId: sender.connectionId });
  listId = (await createList(ctx, { name: "Club" })).id;
});

let n = 0;
const nextPhone = () => `+1415556${String(1000 + n++).padStart(4, "0")}`;
const text = (from: string, body: string, to = sender.address) => receiveMessage(db, sender.connectionId, { from, to, body, media: [], receivedAt: new Date() });
const contactOf = (phone: string) => db.contact.findFirstOrThrow({ where: { orgId: ctx.orgId, phone }, include: { lists: true } });
const repliesTo = (phone: string) => db.message.findMany({ where: { orgId: ctx.orgId, to: phone, direction: "OUTBOUND" }, orderBy: { id: "asc" } });

describe("org keyword rules in receiveMessage", () => {
  let joinId: string;
  beforeAll(async () => {
    const join = await createKeywordRule(ctx, {
      name: "Join the club",
      keywords: ["JOIN", "SUBSCRIBE"],
      matchOn: "first_word",
      reply: "Welcome {{first_name|friend}}! Reply STOP to opt out.",
      addTags: ["club"],
      addListIds: [listId],
      subscribe: true,
    });
    joinId = join.id;
  });

  it("JOIN from a new number subscribes with consent recorded, tags, lists, counts and replies after commit", async () => {
    const phone = nextPhone();
    const { message, keyword } = await text(phone, "join please");
    expect(keyword).toBeNull();
    const contact = await contactOf(phone);
    expect(contact).toMatchObject({ consentStatus: "OPTED_IN", tags: ["club"], source: "inbound" });
    expect(contact.lists.map((l) => l.listId)).toEqual([listId]);
    const consent = await db.consentEvent.findMany({ where: { contactId: contact.id } });
    expect(consent).toMatchObject([{ action: "OPT_IN", source: "keyword", keyword: "JOIN", messageId: message.id, detail: 'rule "Join the club"' }]);
    expect(await db.keywordMatch.findMany({ where: { messageId: message.id } })).toMatchObject([{ ruleId: joinId, keyword: "JOIN", contactId: contact.id, newContact: true, replied: true }]);
    const [reply] = await repliesTo(phone);
    expect(reply).toMatchObject({ body: "Welcome friend! Reply STOP to opt out.", marketing: true, source: "system", from: sender.address, status: "QUEUED" });
    // The reply is written after the text's transaction: its id is later than the inbound one's.
    expect(reply!.id > message.id).toBe(true);
    expect(await db.auditLog.count({ where: { targetId: contact.id, action: "keyword_rule.applied" } })).toBe(1);
  });

  it("answers a contact at most once a day, records every match, and adds nothing twice", async () => {
    const phone = nextPhone();
    await text(phone, "JOIN");
    const second = await text(phone, "Subscribe me!");
    const contact = await contactOf(phone);
    expect(contact.tags).toEqual(["club"]);
    expect(await repliesTo(phone)).toHaveLength(1);
    expect(await db.keywordMatch.findMany({ where: { contactId: contact.id }, orderBy: { id: "asc" }, select: { keyword: true, newContact: true, replied: true } })).toEqual([
      { keyword: "JOIN", newContact: true, replied: true },
      { keyword: "SUBSCRIBE", newContact: false, replied: false },
    ]);
    expect(second.message.body).toBe("Subscribe me!");
    // The tags and list were already there: no second audit row.
    expect(await db.auditLog.count({ where: { targetId: contact.id, action: "keyword_rule.applied" } })).toBe(1);
  });

  it("JOIN from someone opted out opts them back in and confirms", async () => {
    const phone = nextPhone();
    await text(phone, "STOP");
    await text(phone, "JOIN");
    expect((await contactOf(phone)).consentStatus).toBe("OPTED_IN");
    expect((await repliesTo(phone)).map((r) => r.body)).toEqual([expect.stringContaining("You are unsubscribed"), "Welcome friend! Reply STOP to opt out."]);
  });

  it("keeps a rule to its numbers, and a disabled rule does nothing", async () => {
    const scoped = await createKeywordRule(ctx, { name: "Deals on the other number", keywords: ["DEALS"], matchOn: "whole", senderIds: [other.id], reply: "Deals: 10% off", addTags: ["deals"] });
    const phone = nextPhone();
    await text(phone, "deals");
    expect((await contactOf(phone)).tags).toEqual([]);
    expect(await repliesTo(phone)).toEqual([]);
    await text(phone, "DEALS", other.address);
    expect((await contactOf(phone)).tags).toEqual(["deals"]);
    expect((await repliesTo(phone)).map((r) => [r.body, r.from])).toEqual([["Deals: 10% off", other.address]]);

    await setKeywordRuleEnabled(ctx, { id: scoped.id, enabled: false });
    const later = nextPhone();
    const { message } = await text(later, "DEALS", other.address);
    expect((await contactOf(later)).tags).toEqual([]);
    expect(await repliesTo(later)).toEqual([]);
    expect(await db.keywordMatch.count({ where: { messageId: message.id } })).toBe(0);
  });

  it("does not send a rule's promotional reply to someone opted out, but still tags them", async () => {
    await createKeywordRule(ctx, { name: "Menu", keywords: ["MENU"], matchOn: "whole", reply: "Today: flat white", addTags: ["menu"] });
    const phone = nextPhone();
    await text(phone, "STOP");
    await text(phone, "menu");
    const contact = await contactOf(phone);
    expect(contact).toMatchObject({ consentStatus: "OPTED_OUT", tags: ["menu"] });
    expect((await repliesTo(phone)).map((r) => r.body)).toEqual([expect.stringContaining("You are unsubscribed")]);
    expect(await db.keywordMatch.findFirst({ where: { contactId: contact.id } })).toMatchObject({ replied: false });
  });

  it("closes the contact's conversation, or opens it waking a snooze, once the text has been routed to it", async () => {
    await createKeywordRule(ctx, { name: "Thanks", keywords: ["THANKS", "THANK YOU"], matchOn: "whole", conversationAction: "close" });
    await createKeywordRule(ctx, { name: "Urgent", keywords: ["URGENT"], matchOn: "first_word", conversationAction: "open" });
    const phone = nextPhone();
    await text(phone, "Where is my order?");
    const contact = await contactOf(phone);
    const conversation = () => db.conversation.findFirstOrThrow({ where: { contactId: contact.id } });
    expect((await conversation()).status).toBe("OPEN");
    await text(phone, "Thank you!");
    expect(await conversation()).toMatchObject({ status: "CLOSED", waitingSince: null });
    const applied = await db.auditLog.findFirstOrThrow({ where: { targetId: contact.id, action: "keyword_rule.applied" } });
    expect(applied.changes).toMatchObject({ conversation: { from: "OPEN", to: "CLOSED" }, tagsAdded: [] });

    // Snoozed until a time, so the routing alone would not wake it: the rule does.
    await db.conversation.update({ where: { id: (await conversation()).id }, data: { status: "SNOOZED", snoozedUntil: new Date(Date.now() + 86_400_000), wakeOnReply: false } });
    await text(phone, "hello?");
    expect((await conversation()).status).toBe("SNOOZED");
    await text(phone, "urgent: the order is wrong");
    expect(await conversation()).toMatchObject({ status: "OPEN", snoozedUntil: null });
  });

  it("opts out on wording beyond the keywords, recording the phrase, and confirms once", async () => {
    const phone = nextPhone();
    await text(phone, "Hi, when do you open?");
    const { keyword, message } = await text(phone, "Wrong number, please remove me");
    expect(keyword).toBe("OPT_OUT");
    const contact = await contactOf(phone);
    expect(contact).toMatchObject({ consentStatus: "OPTED_OUT", optOutSource: "phrase:remove me" });
    expect(await db.consentEvent.findMany({ where: { contactId: contact.id } })).toMatchObject([{ action: "OPT_OUT", source: "phrase", keyword: null, detail: 'said "remove me"', messageId: message.id }]);
    // Said again while out: nothing more recorded, no second confirmation.
    expect((await text(phone, "stop texting me")).keyword).toBeNull();
    expect(await db.consentEvent.count({ where: { contactId: contact.id } })).toBe(1);
    expect((await repliesTo(phone)).map((r) => r.body)).toEqual([expect.stringContaining("You are unsubscribed")]);
    // And "don't stop" is an ordinary text.
    const fan = nextPhone();
    expect((await text(fan, "don't stop texting me the deals")).keyword).toBeNull();
    expect((await contactOf(fan)).consentStatus).toBe("OPTED_IN");
  });
});
