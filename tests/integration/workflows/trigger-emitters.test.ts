// What the domains announce to workflows (workflows/trigger.fired, lib/events/announce-triggers.ts),
// against a real PostgreSQL: each path that makes contacts, adds tags or lists, changes consent or
// records a person's click emits exactly its trigger, after commit (every emit is recorded with
// whether a transaction was open), batched per transaction; a CSV import announces nothing but the
// opt-outs it makes; and POST /api/v1/events (auth, scope, validation naming the field, contact by
// id or phone).
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

type Sent = { name: string; data: Record<string, unknown> };
const emitted = vi.hoisted(() => [] as { events: Sent[]; inTransaction: boolean }[]);
vi.mock("@/lib/events/emit", async () => {
  const { inTransaction } = await import("@/lib/db/after-commit");
  return {
    // Recorded, not sent: no job server here; what matters is what would have been sent, and when.
    emitEvents: async (events: Sent | Sent[]) => {
      emitted.push({ events: Array.isArray(events) ? events : [events], inTransaction: inTransaction() });
    },
  };
});

import { setTempImportDir } from "../contact-import/import-helpers";
setTempImportDir();
const { setupApiDatabase, createTestApiKey, apiRequest, call } = await import("../helpers/api");
const { db } = await setupApiDatabase();
const { createOrgWithOwner, orgContextFor } = await import("../helpers/factories");
const { createContact } = await import("@/lib/contacts/create-contact");
const { upsertContact } = await import("@/lib/contacts/upsert-contact");
const { updateContact } = await import("@/lib/contacts/update-contact");
const { tagContacts } = await import("@/lib/contacts/tag-contacts");
const { bulkContacts } = await import("@/lib/contacts/bulk-contacts");
const { changeConsent } = await import("@/lib/contacts/change-consent");
const { createList } = await import("@/lib/lists/manage-lists");
const { addToList } = await import("@/lib/lists/list-membership");
const { receiveMessage } = await import("@/lib/messaging/receive-message");
const { sendMessages } = await import("@/lib/messaging/send-messages");
const { createKeywordRule } = await import("@/lib/keywords/manage-rules");
const { recordClick } = await import("@/lib/links/record-click");
const { newLinkCode } = await import("@/lib/links/link-code");
const { newId } = await import("@/lib/ids");
const { importCsv } = await import("../contact-import/import-helpers");
const events = await import("@/app/api/v1/events/route");
const { TRIGGER_EVENT_KINDS } = await import("@/lib/events/workflows");
type OrgContext = import("@/lib/org-context").OrgContext;

let ctx: OrgContext;
let apiCtx: OrgContext;
let sender: { id: string; address: string; connectionId: string };

/** An active workflow of `orgId` whose published trigger is `kind` keyed by `key` (null: every key of the kind). */
async function listenTo(orgId: string, kind: string, key: string | null, status: "ACTIVE" | "PAUSED" = "ACTIVE") {
  const workflowId = newId("workflow");
  const versionId = newId("workflowVersion");
  const graph = { nodes: [], edges: [] };
  await db.workflow.create({ data: { id: workflowId, orgId, name: `On ${kind} ${key ?? "any"} ${workflowId}`, status: "DRAFT", draft: graph, settings: {} } });
  await db.workflowVersion.create({ data: { id: versionId, orgId, workflowId, version: 1, graph, settings: {}, triggerKind: kind, triggerKey: key } });
  await db.workflow.update({ where: { id: workflowId }, data: { status, publishedVersionId: versionId } });
  return workflowId;
}

beforeAll(async () => {
  const { org, owner } = await createOrgWithOwner(db, { name: "Trigger Cafe" });
  ctx = await orgContextFor(db, owner, org.id);
  apiCtx = { ...ctx, actor: { type: "API_KEY", id: "key_test", label: "test key" }, role: null };
  sender = await db.senderNumber.findFirstOrThrow({ where: { orgId: org.id } });
  // What the domains announce is sent only to an org with a workflow listening: this one listens to every kind.
  for (const kind of TRIGGER_EVENT_KINDS) await listenTo(org.id, kind, null);
});
beforeEach(() => {
  emitted.length = 0;
});

let n = 0;
const nextPhone = () => `+1415557${String(1000 + n++).padStart(4, "0")}`;

/** The trigger events emitted since the test began, as { kind, key, contactIds, data }. */
function triggers() {
  for (const e of emitted) if (e.events.some((ev) => ev.name === "workflows/trigger.fired")) expect(e.inTransaction).toBe(false);
  return emitted.flatMap((e) => e.events.filter((ev) => ev.name === "workflows/trigger.fired").map((ev) => ev.data));
}
const sorted = (ids: unknown) => [...(ids as string[])].sort();

describe("contacts, tags and lists", () => {
  it("a contact made in the UI: contact_created and a tag_added per tag it was made with", async () => {
    const contact = await createContact(ctx, { phone: nextPhone(), tags: ["vip", "brunch"] });
    expect(triggers()).toEqual([
      { orgId: ctx.orgId, kind: "contact_created", key: null, contactIds: [contact.id], data: { source: "ui" } },
      { orgId: ctx.orgId, kind: "tag_added", key: "vip", contactIds: [contact.id], data: { tag: "vip", source: "ui" } },
      { orgId: ctx.orgId, kind: "tag_added", key: "brunch", contactIds: [contact.id], data: { tag: "brunch", source: "ui" } },
    ]);
  });

  it("an upsert through the API: contact_created when new; for an existing contact only the tags it did not have", async () => {
    const phone = nextPhone();
    const { contact } = await upsertContact(apiCtx, { phone, tags: ["a"] });
    expect(triggers()).toEqual([
      { orgId: ctx.orgId, kind: "tag_added", key: "a", contactIds: [contact.id], data: { tag: "a", source: "api" } },
      { orgId: ctx.orgId, kind: "contact_created", key: null, contactIds: [contact.id], data: { source: "api" } },
    ]);
    emitted.length = 0;
    await upsertContact(apiCtx, { phone, tags: ["a", "b"], firstName: "Ava" });
    expect(triggers()).toEqual([{ orgId: ctx.orgId, kind: "tag_added", key: "b", contactIds: [contact.id], data: { tag: "b", source: "api" } }]);
    emitted.length = 0;
    await upsertContact(apiCtx, { phone, firstName: "Ava B" });
    expect(triggers()).toEqual([]);
  });

  it("an update announces the tags added, not those kept or removed", async () => {
    const contact = await createContact(ctx, { phone: nextPhone(), tags: ["a", "b"] });
    emitted.length = 0;
    await updateContact(ctx, { id: contact.id, tags: ["b", "c"] });
    expect(triggers()).toEqual([{ orgId: ctx.orgId, kind: "tag_added", key: "c", contactIds: [contact.id], data: { tag: "c", source: "ui" } }]);
  });

  it("the bulk tag action: one event per tag for the contacts that did not have it", async () => {
    const [one, two, has] = await Promise.all([createContact(ctx, { phone: nextPhone() }), createContact(ctx, { phone: nextPhone() }), createContact(ctx, { phone: nextPhone(), tags: ["gold"] })]);
    emitted.length = 0;
    await tagContacts(ctx, { ids: [one.id, two.id, has.id], add: ["gold"] });
    const [gold, ...rest] = triggers();
    expect(rest).toEqual([]);
    expect(gold).toMatchObject({ kind: "tag_added", key: "gold", data: { tag: "gold", source: "ui" } });
    expect(sorted(gold!.contactIds)).toEqual(sorted([one.id, two.id]));
  });

  it("adding to a list announces the new members only; the bulk action through it too", async () => {
    const list = await createList(ctx, { name: "Brunch club" });
    const [one, two] = await Promise.all([createContact(ctx, { phone: nextPhone(), tags: ["listme"] }), createContact(ctx, { phone: nextPhone(), tags: ["listme"] })]);
    await addToList(ctx, { listId: list.id, contactIds: [one.id] });
    emitted.length = 0;
    await addToList(apiCtx, { listId: list.id, contactIds: [one.id, two.id] });
    expect(triggers()).toEqual([{ orgId: ctx.orgId, kind: "list_added", key: list.id, contactIds: [two.id], data: { listId: list.id, source: "api" } }]);
    emitted.length = 0;
    await addToList(ctx, { listId: list.id, contactIds: [one.id, two.id] });
    expect(triggers()).toEqual([]);

    const other = await createList(ctx, { name: "Everyone tagged" });
    emitted.length = 0;
    await bulkContacts(ctx, { filter: { tag: "listme" }, action: { kind: "add_to_list", listId: other.id } });
    const [added, ...rest] = triggers();
    expect(rest).toEqual([]);
    expect(added).toMatchObject({ kind: "list_added", key: other.id });
    expect(sorted(added!.contactIds)).toEqual(sorted([one.id, two.id]));
  });

  it("a marketing text to a new number makes a contact_created (the send's source); a transactional one (a code, a receipt) does not", async () => {
    const [toNew, toCode, toKnown] = [nextPhone(), nextPhone(), nextPhone()];
    const known = await createContact(ctx, { phone: toKnown });
    emitted.length = 0;
    const results = await sendMessages(ctx, [
      { to: toNew, body: "Our new menu is out" },
      { to: toCode, body: "Your code is 123456", marketing: false },
      { to: toKnown, body: "Hello again" },
    ], "ui");
    expect(results.every((r) => r.ok)).toBe(true);
    const made = await db.contact.findFirstOrThrow({ where: { orgId: ctx.orgId, phone: toNew } });
    expect(triggers()).toEqual([{ orgId: ctx.orgId, kind: "contact_created", key: null, contactIds: [made.id], data: { source: "ui" } }]);
    expect(known.id).not.toBe(made.id);
  });

  it("a CSV import announces no contact made, tag or list; only the opt-outs it makes", async () => {
    const list = await createList(ctx, { name: "Imported" });
    const existing = await createContact(ctx, { phone: "+12127364000" });
    emitted.length = 0;
    const done = await importCsv(ctx, "phone,first,unsubscribed\n+12127364000,Old,yes\n+12127364001,New,\n+12127364002,Newer,\n", { listId: list.id, tags: ["fair"] });
    expect(done.status).toBe("COMPLETED");
    expect(await db.contact.count({ where: { orgId: ctx.orgId, tags: { has: "fair" } } })).toBe(3);
    expect(triggers()).toEqual([
      { orgId: ctx.orgId, kind: "subscription_changed", key: "opted_out", contactIds: [existing.id], data: { status: "opted_out", source: "import" } },
    ]);
  });
});

describe("consent", () => {
  it("every change of consent through applyConsentChange, and nothing for a change to the state it was in", async () => {
    const contact = await createContact(ctx, { phone: nextPhone() });
    emitted.length = 0;
    await changeConsent(ctx, { id: contact.id, kind: "OPT_OUT" }, "ui");
    await changeConsent(ctx, { id: contact.id, kind: "OPT_OUT" }, "ui");
    await changeConsent(apiCtx, { id: contact.id, kind: "OPT_IN" }, "api");
    expect(triggers()).toEqual([
      { orgId: ctx.orgId, kind: "subscription_changed", key: "opted_out", contactIds: [contact.id], data: { status: "opted_out", source: "ui" } },
      { orgId: ctx.orgId, kind: "subscription_changed", key: "opted_in", contactIds: [contact.id], data: { status: "opted_in", source: "api" } },
    ]);
  });
});

describe("inbound texts", () => {
  const text = (from: string, body: string) => receiveMessage(db, sender.connectionId, { from, to: sender.address, body, media: [], receivedAt: new Date() });
  const received = () => emitted.flatMap((e) => e.events.filter((ev) => ev.name === "messages/received").map((ev) => ev.data));

  it("a new number: contact_created (inbound), inbound_message and messages/received without a rule; a STOP from them: subscription_changed, once", async () => {
    const phone = nextPhone();
    const { message } = await text(phone, "Hi, are you open today?");
    const contact = await db.contact.findFirstOrThrow({ where: { orgId: ctx.orgId, phone } });
    expect(triggers()).toEqual([
      { orgId: ctx.orgId, kind: "contact_created", key: null, contactIds: [contact.id], data: { source: "inbound" } },
      { orgId: ctx.orgId, kind: "inbound_message", key: null, contactIds: [contact.id], data: { messageId: message.id, senderId: sender.id, body: "Hi, are you open today?", keywordRuleId: null } },
    ]);
    expect(received()).toEqual([{ orgId: ctx.orgId, messageId: message.id, contactId: contact.id, senderId: sender.id, keyword: null, keywordRuleId: null }]);

    emitted.length = 0;
    await text(phone, "STOP");
    expect(triggers()).toEqual([{ orgId: ctx.orgId, kind: "subscription_changed", key: "opted_out", contactIds: [contact.id], data: { status: "opted_out", source: "keyword" } }]);
    emitted.length = 0;
    await text(phone, "STOP");
    expect(triggers()).toEqual([]);
  });

  it("a keyword rule: keyword keyed by the rule, and messages/received names it; its tags and lists are announced (only the new ones), its subscribe is a change only for someone out", async () => {
    const list = await createList(ctx, { name: "Club" });
    const rule = await createKeywordRule(ctx, { name: "Join", keywords: ["JOIN"], matchOn: "first_word", reply: "Welcome!", addTags: ["club"], addListIds: [list.id], subscribe: true });
    const phone = nextPhone();
    const { message } = await text(phone, "join");
    const contact = await db.contact.findFirstOrThrow({ where: { orgId: ctx.orgId, phone } });
    expect(received()).toMatchObject([{ contactId: contact.id, keyword: null, keywordRuleId: rule.id }]);
    const textData = (m: { id: string }, body: string) => ({ messageId: m.id, senderId: sender.id, body, keywordRuleId: rule.id });
    expect(triggers()).toEqual([
      { orgId: ctx.orgId, kind: "tag_added", key: "club", contactIds: [contact.id], data: { tag: "club", source: "keyword_rule" } },
      { orgId: ctx.orgId, kind: "list_added", key: list.id, contactIds: [contact.id], data: { listId: list.id, source: "keyword_rule" } },
      { orgId: ctx.orgId, kind: "contact_created", key: null, contactIds: [contact.id], data: { source: "inbound" } },
      { orgId: ctx.orgId, kind: "keyword", key: rule.id, contactIds: [contact.id], data: textData(message, "join") },
      { orgId: ctx.orgId, kind: "inbound_message", key: null, contactIds: [contact.id], data: textData(message, "join") },
    ]);

    await changeConsent(ctx, { id: contact.id, kind: "OPT_OUT" }, "ui");
    emitted.length = 0;
    const again = await text(phone, "JOIN again");
    expect(received()).toMatchObject([{ keywordRuleId: rule.id }]);
    expect(triggers()).toEqual([
      { orgId: ctx.orgId, kind: "subscription_changed", key: "opted_in", contactIds: [contact.id], data: { status: "opted_in", source: "keyword" } },
      { orgId: ctx.orgId, kind: "keyword", key: rule.id, contactIds: [contact.id], data: textData(again.message, "JOIN again") },
      { orgId: ctx.orgId, kind: "inbound_message", key: null, contactIds: [contact.id], data: textData(again.message, "JOIN again") },
    ]);
  });
});

describe("only what an active workflow may start on is sent", () => {
  it("an org with no workflow: nothing but an opt-out (it ends runs); then a workflow on tag vip hears vip, not other, and not once paused", async () => {
    const { org, owner } = await createOrgWithOwner(db, { name: "Quiet Cafe" });
    const quiet = await orgContextFor(db, owner, org.id);
    const quietSender = await db.senderNumber.findFirstOrThrow({ where: { orgId: org.id } });
    const contact = await createContact(quiet, { phone: nextPhone(), tags: ["vip"] });
    await receiveMessage(db, quietSender.connectionId, { from: nextPhone(), to: quietSender.address, body: "hello", media: [], receivedAt: new Date() });
    expect(triggers()).toEqual([]);
    expect(emitted.flatMap((e) => e.events.map((ev) => ev.name))).toEqual(["messages/received"]);
    await changeConsent(quiet, { id: contact.id, kind: "OPT_OUT" }, "ui");
    expect(triggers()).toEqual([{ orgId: org.id, kind: "subscription_changed", key: "opted_out", contactIds: [contact.id], data: { status: "opted_out", source: "ui" } }]);

    const workflowId = await listenTo(org.id, "tag_added", "vip");
    emitted.length = 0;
    const other = await createContact(quiet, { phone: nextPhone(), tags: ["vip", "other"] });
    expect(triggers()).toEqual([{ orgId: org.id, kind: "tag_added", key: "vip", contactIds: [other.id], data: { tag: "vip", source: "ui" } }]);

    await db.workflow.update({ where: { id: workflowId }, data: { status: "PAUSED" } });
    emitted.length = 0;
    await createContact(quiet, { phone: nextPhone(), tags: ["vip"] });
    expect(triggers()).toEqual([]);
  });
});

describe("link clicks", () => {
  async function linkFor(campaignId: string | null) {
    const contact = await createContact(ctx, { phone: nextPhone() });
    const sentAt = new Date(Date.now() - 60_000);
    const message = await db.message.create({
      data: {
        id: newId("message"), orgId: ctx.orgId, direction: "OUTBOUND", status: "SENT", senderId: sender.id, contactId: contact.id,
        from: sender.address, to: contact.phone, body: "See https://example.com", encoding: "GSM-7", segments: 1, marketing: true, sentAt,
      },
    });
    const link = await db.shortLink.create({
      data: { id: newId("shortLink"), orgId: ctx.orgId, code: newLinkCode(), url: "https://example.com/sale", messageId: message.id, contactId: contact.id, campaignId },
    });
    return { contact, message, link };
  }
  const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

  it("a person's click: link_clicked keyed by the message's campaign (null for a one-off text), after the click is stored; a bot's: nothing", async () => {
    const { contact, message, link } = await linkFor(null);
    emitted.length = 0;
    const outcome = await recordClick(db, { code: link.code, method: "GET", userAgent: IPHONE });
    expect(outcome).toMatchObject({ kind: "redirect", botReason: null });
    await vi.waitFor(() => expect(triggers()).toHaveLength(1));
    const click = await db.linkClick.findFirstOrThrow({ where: { linkId: link.id } });
    expect(triggers()).toEqual([
      { orgId: ctx.orgId, kind: "link_clicked", key: null, contactIds: [contact.id], data: { url: link.url, linkId: link.id, clickId: click.id, messageId: message.id, campaignId: null } },
    ]);

    emitted.length = 0;
    await recordClick(db, { code: link.code, method: "HEAD", userAgent: IPHONE });
    await recordClick(db, { code: link.code, method: "GET", userAgent: "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)" });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(triggers()).toEqual([]);
    expect(await db.linkClick.count({ where: { linkId: link.id } })).toBe(3);
  });
});

describe("POST /api/v1/events", () => {
  let token: string;
  let readOnly: string;
  beforeAll(async () => {
    token = (await createTestApiKey(db, ctx.orgId, ["events:write"])).token;
    readOnly = (await createTestApiKey(db, ctx.orgId, ["contacts:read"])).token;
  });
  const post = (body: unknown, key: string | null = token, headers?: Record<string, string>) => call(events.POST(apiRequest("/api/v1/events", { token: key, body, headers }), { params: Promise.resolve({}) }));

  it("refuses a request without a key (401) or without events:write (403), and announces nothing", async () => {
    const contact = await createContact(ctx, { phone: nextPhone() });
    emitted.length = 0;
    expect(await post({ name: "order.placed", contact: { id: contact.id } }, null)).toMatchObject({ status: 401, body: { error: { code: "missing_api_key" } } });
    expect(await post({ name: "order.placed", contact: { id: contact.id } }, readOnly)).toMatchObject({ status: 403, body: { error: { code: "insufficient_scope" } } });
    expect(triggers()).toEqual([]);
  });

  it("names the field of what is wrong", async () => {
    const contact = await createContact(ctx, { phone: nextPhone() });
    emitted.length = 0;
    const refused = async (body: unknown) => (await post(body)).body.error;
    expect(await refused({ contact: { id: contact.id } })).toMatchObject({ code: "invalid_parameter", param: "name" });
    expect(await refused({ name: "order placed!", contact: { id: contact.id } })).toMatchObject({ code: "invalid_parameter", param: "name" });
    expect(await refused({ name: "x", contact: {} })).toMatchObject({ code: "invalid_parameter", param: "contact" });
    expect(await refused({ name: "x", contact: { id: contact.id, phone: contact.phone } })).toMatchObject({ code: "invalid_parameter", param: "contact" });
    expect(await refused({ name: "x", contact: { email: "a@b.c" } })).toMatchObject({ code: "unknown_parameter", param: "contact.email" });
    expect(await refused({ name: "x", contact: { id: contact.id }, extra: 1 })).toMatchObject({ code: "unknown_parameter", param: "extra" });
    expect(await refused({ name: "x", contact: { id: contact.id }, data: { blob: "x".repeat(9000) } })).toMatchObject({ code: "invalid_parameter", param: "data" });
    expect(await refused({ name: "x", contact: { phone: "12" } })).toMatchObject({ code: "invalid_phone_number", param: "contact.phone" });
    expect(await refused({ name: "x", contact: { id: "ct_nobody" } })).toMatchObject({ code: "not_found", param: "contact.id" });
    expect((await post({ name: "x", contact: { id: "ct_nobody" } })).status).toBe(404);
    expect(triggers()).toEqual([]);
  });

  it("a contact by id: 202, api_event keyed by the name with the data", async () => {
    const contact = await createContact(ctx, { phone: nextPhone() });
    emitted.length = 0;
    const res = await post({ name: "order.placed", contact: { id: contact.id }, data: { order_id: "1042", total: 38.5 } });
    expect(res).toMatchObject({ status: 202, body: { object: "event", name: "order.placed", contact_id: contact.id, contact_created: false, received_at: expect.any(String) } });
    expect(triggers()).toEqual([{ orgId: ctx.orgId, kind: "api_event", key: "order.placed", contactIds: [contact.id], data: { order_id: "1042", total: 38.5 } }]);
  });

  it("a contact by phone: found, or made (source api, a contact_created too); an Idempotency-Key retry is not announced twice", async () => {
    const existing = await createContact(ctx, { phone: nextPhone() });
    emitted.length = 0;
    const found = await post({ name: "booking.made", contact: { phone: existing.phone } });
    expect(found).toMatchObject({ status: 202, body: { contact_id: existing.id, contact_created: false } });
    expect(triggers()).toEqual([{ orgId: ctx.orgId, kind: "api_event", key: "booking.made", contactIds: [existing.id], data: {} }]);

    emitted.length = 0;
    const phone = nextPhone();
    const headers = { "idempotency-key": `evt-${phone}` };
    const made = await post({ name: "booking.made", contact: { phone } }, token, headers);
    expect(made).toMatchObject({ status: 202, body: { contact_created: true } });
    const contact = await db.contact.findFirstOrThrow({ where: { orgId: ctx.orgId, phone } });
    expect(made.body.contact_id).toBe(contact.id);
    expect(contact.source).toBe("api");
    expect(triggers()).toEqual([
      { orgId: ctx.orgId, kind: "contact_created", key: null, contactIds: [contact.id], data: { source: "api" } },
      { orgId: ctx.orgId, kind: "api_event", key: "booking.made", contactIds: [contact.id], data: {} },
    ]);
    emitted.length = 0;
    const again = await post({ name: "booking.made", contact: { phone } }, token, headers);
    expect(again.body).toEqual(made.body);
    expect(triggers()).toEqual([]);
  });
});
