// Merge fields on every path that sends to a contact: rendered per recipient before pricing (the
// stored body, segments and price are the contact's), unknown fields refused naming them, strangers
// refused a field with no value, set-based for a batch; not rendered where text goes as written
// (the Twilio-compatible API, verification codes). Then the preview the compose box shows.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createCustomField } from "@/lib/custom-fields/manage-custom-fields";
import { poolOf } from "@/lib/db/sql";
import { newId } from "@/lib/ids";
import { receiveMessage } from "@/lib/messaging/receive-message";
import { renderForContacts } from "@/lib/messaging/render-for-contacts";
import { sendMessages } from "@/lib/messaging/send-messages";
import { sendOne } from "@/lib/messaging/send-one";
import { updateKeywordReplies } from "@/lib/messaging/update-keyword-replies";
import type { OrgContext } from "@/lib/org-context";
import { setupTestDatabase } from "../helpers/db";
import { expectDomainError, expectTRPCError } from "../helpers/expect-error";
import { callerFor, createOrgWithOwner, orgContextFor, type Caller } from "../helpers/factories";

const { db } = await setupTestDatabase();

let ctx: OrgContext;
let caller: Caller;
let sender: { connectionId: string; address: string };
let ada: { id: string; phone: string };
let bob: { id: string; phone: string };
const BODY = "Hi {{first_name}}, {{custom.points}} points.";

async function contact(phone: string, data: { firstName?: string; customFields?: Record<string, string | number | boolean> }) {
  return db.contact.create({ data: { id: newId("contact"), orgId: ctx.orgId, phone, ...data, customFields: data.customFields ?? {} } });
}

beforeAll(async () => {
  const { org, owner } = await createOrgWithOwner(db, { defaultCountry: "US" });
  ctx = await orgContextFor(db, owner, org.id);
  caller = callerFor(db, owner, org.id);
  sender = await db.senderNumber.findFirstOrThrow({ where: { orgId: org.id } });
  await createCustomField(ctx, { key: "points", label: "Points", type: "NUMBER" });
  ada = await contact("+14155550101", { firstName: "Ada", customFields: { points: 42 } });
  bob = await contact("+14155550102", { firstName: "Bob" });
});

describe("merge fields on the send path", () => {
  it("renders the compose box's text for the contact, and counts segments on what is sent", async () => {
    const message = await caller.messages.send({ to: ada.phone, body: BODY });
    expect(message).toMatchObject({ body: "Hi Ada, 42 points.", contactId: ada.id, encoding: "GSM-7", segments: 1 });
    // A name that forces UCS-2 makes that contact's message UCS-2 and dearer, not the template's.
    const zoe = await contact("+14155550103", { firstName: "Zoë", customFields: { points: 7 } });
    const long = `${"x".repeat(130)} {{first_name}}`;
    const [plain, accented] = await sendMessages(ctx, [{ to: ada.phone, body: long }, { to: zoe.phone, body: long }], "api");
    expect(plain).toMatchObject({ ok: true, message: { encoding: "GSM-7", segments: 1, priceMicros: 7_900 } });
    expect(accented).toMatchObject({ ok: true, message: { body: `${"x".repeat(130)} Zoë`, encoding: "UCS-2", segments: 2, priceMicros: 15_800 } });
  });

  it("refuses an unknown field at send, naming it, on `body`", async () => {
    const error = await expectTRPCError(caller.messages.send({ to: ada.phone, body: "Hi {{frist_name}}" }), "BAD_REQUEST");
    expect(error.message).toContain("Unknown merge field {{frist_name}}");
    const missing = await expectDomainError(sendOne(ctx, { to: ada.phone, body: "{{custom.birthday}}" }, "api"), "BAD_REQUEST", "body");
    expect(missing).toMatchObject({ reason: "unknown_merge_field", message: expect.stringContaining("{{custom.points}}") });
    expect(await db.message.count({ where: { orgId: ctx.orgId, body: { contains: "{{" } } })).toBe(0);
  });

  it("renders each recipient of a batch with their own values, loading them in the same few queries for 3 or 60", async () => {
    const results = await sendMessages(ctx, [ada, bob].map((c) => ({ to: c.phone, body: "{{first_name}}: {{custom.points|0}}" })), "api");
    expect(results.map((r) => r.ok && r.message.body)).toEqual(["Ada: 42", "Bob: 0"]);

    const pool = poolOf(ctx.db);
    const queriesFor = async (n: number, first: number) => {
      const phones = Array.from({ length: n }, (_, i) => `+1415555${String(first + i).padStart(4, "0")}`);
      await db.contact.createMany({ data: phones.map((phone, i) => ({ id: newId("contact"), orgId: ctx.orgId, phone, firstName: `N${i}` })) });
      const spy = vi.spyOn(pool, "query");
      const sent = await sendMessages(ctx, phones.map((to) => ({ to, body: "Hi {{first_name}}" })), "api");
      const count = spy.mock.calls.length;
      spy.mockRestore();
      expect(sent.map((r) => r.ok && r.message.body)).toEqual(phones.map((_, i) => `Hi N${i}`));
      return count;
    };
    expect(await queriesFor(60, 2000)).toBe(await queriesFor(3, 2100));
  });

  it("stores a scheduled message rendered at accept time", async () => {
    const sendAt = new Date(Date.now() + 3_600_000);
    const message = await sendOne(ctx, { to: ada.phone, body: BODY, sendAt }, "api");
    expect(message).toMatchObject({ status: "SCHEDULED", body: "Hi Ada, 42 points." });
    expect((await db.message.findUniqueOrThrow({ where: { id: message.id } })).body).toBe("Hi Ada, 42 points.");
  });

  it("gives a number that is not a contact its fallbacks and its number, and refuses a field it has no value for", async () => {
    const stranger = "+14155550190";
    const ok = await sendOne(ctx, { to: stranger, body: "Hi {{first_name|there}}, this is for {{phone}}" }, "api");
    expect(ok.body).toBe(`Hi there, this is for ${stranger}`);
    const other = "+14155550191";
    const refused = await expectDomainError(sendOne(ctx, { to: other, body: "Hi {{first_name}}" }, "api"), "BAD_REQUEST", "body");
    expect(refused).toMatchObject({ reason: "merge_field_without_value" });
    expect(refused.message).toBe(`${other} is not a contact of this organisation, so {{first_name}} has no value: give it a fallback ({{first_name|...}}) or add the contact first`);
  });

  it("sends the body as written with mergeFields off, and refuses a filled-in text past the length limit", async () => {
    expect((await sendOne(ctx, { to: ada.phone, body: "Literal {{first_name}}", mergeFields: false }, "api")).body).toBe("Literal {{first_name}}");
    const huge = await contact("+14155550104", { firstName: "A".repeat(900) });
    const error = await expectDomainError(sendOne(ctx, { to: huge.phone, body: `${"b".repeat(800)} {{first_name}}` }, "api"), "BAD_REQUEST", "body");
    expect(error.message).toContain("1701 characters; the limit is 1600");
  });

  it("renders many contacts at once for a campaign's plan, refusing an unknown field", async () => {
    const rendered = await renderForContacts(ctx, "{{first_name}} has {{custom.points|no}} points", [ada.id, bob.id, "ct_not_ours"]);
    expect(Object.fromEntries(rendered)).toEqual({
      [ada.id]: { body: "Ada has 42 points", encoding: "GSM-7", segments: 1 },
      [bob.id]: { body: "Bob has no points", encoding: "GSM-7", segments: 1 },
    });
    await expectDomainError(renderForContacts(ctx, "{{frist_name}}", [ada.id]), "BAD_REQUEST", "body");
  });

  it("renders the org's own keyword reply for the contact who texted, checks it when saved, and falls back to the built-in one", async () => {
    await expectDomainError(updateKeywordReplies(ctx, { helpReply: "Hi {{frist_name}}" }), "BAD_REQUEST", "helpReply");
    await updateKeywordReplies(ctx, { helpReply: "Hi {{first_name|friend}}, call us." });
    const replyTo = async (from: string) => {
      const where = { orgId: ctx.orgId, to: from, direction: "OUTBOUND" as const };
      const before = await db.message.count({ where });
      await receiveMessage(db, sender.connectionId, { from, to: sender.address, body: "HELP", media: [], receivedAt: new Date() });
      await vi.waitFor(async () => expect(await db.message.count({ where })).toBe(before + 1));
      return (await db.message.findFirstOrThrow({ where, orderBy: { id: "desc" } })).body;
    };
    expect(await replyTo(ada.phone)).toBe("Hi Ada, call us.");
    expect(await replyTo("+14155550150")).toBe("Hi friend, call us.");
    // A field deleted since the reply was saved: the built-in reply still goes out.
    await updateKeywordReplies(ctx, { helpReply: "You have {{custom.points}} points" });
    await db.customFieldDefinition.deleteMany({ where: { orgId: ctx.orgId, key: "points" } });
    expect(await replyTo(bob.phone)).toMatch(/Reply STOP to unsubscribe/);
    await createCustomField(ctx, { key: "points", label: "Points", type: "NUMBER" });
  });
});

describe("messages.preview", () => {
  it("shows the text as the recipient, or a chosen contact, would get it, with who the recipient is", async () => {
    const preview = await caller.messages.preview({ to: "(415) 555-0101", body: BODY });
    expect(preview.recipient).toMatchObject({ id: ada.id, firstName: "Ada", consentStatus: "OPTED_IN" });
    expect(preview.text).toEqual({ ok: true, body: "Hi Ada, 42 points.", encoding: "GSM-7", segments: 1, priceMicros: 7_900 });
    const asBob = await caller.messages.preview({ to: ada.phone, asContactId: bob.id, body: "{{first_name}}’s {{custom.points|no}} points" });
    expect(asBob).toMatchObject({ previewAs: { id: bob.id }, text: { ok: true, body: "Bob’s no points", encoding: "UCS-2" } });
    const smart = await caller.messages.preview({ to: ada.phone, asContactId: bob.id, body: "{{first_name}}’s", smartEncoding: true });
    expect(smart.text).toMatchObject({ body: "Bob's", encoding: "GSM-7" });
  });

  it("says what a send would refuse, and nothing before there is a recipient", async () => {
    expect(await caller.messages.preview({ to: ada.phone, body: "{{frist_name}}" })).toMatchObject({
      text: { ok: false, field: "body", message: expect.stringContaining("Unknown merge field {{frist_name}}") },
    });
    expect(await caller.messages.preview({ to: "+14155550177", body: "Hi {{first_name}}" })).toMatchObject({
      recipient: null,
      previewAs: { id: null, phone: "+14155550177" },
      text: { ok: false, message: expect.stringContaining("is not a contact") },
    });
    expect(await caller.messages.preview({ to: "", body: "Hi" })).toEqual({ recipient: null, previewAs: null, text: null });
  });
});
