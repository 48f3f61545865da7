// What a contact's page calls through tRPC: opting the contact out or back in (recorded as a STOP or
// START is) and the contact's own messages, against a real database.
import { beforeAll, describe, expect, it } from "vitest";
import { createContact } from "@/lib/contacts/create-contact";
import type { Prisma } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";
import type { OrgContext } from "@/lib/org-context";
import { setupTestDatabase } from "./helpers/db";
import { expectTRPCError } from "./helpers/expect-error";
import { addMember, callerFor, createOrgWithOwner, orgContextFor, type Caller, type TestUser } from "./helpers/factories";

const { db } = await setupTestDatabase();

let ctx: OrgContext;
let member: TestUser;
let caller: Caller;
let sender: { id: string; address: string };
let seq = 0;
const phone = () => `+1 415 555 ${String(2000 + seq++)}`;
// Messages a minute apart, oldest first, so ids and createdAt agree.
let clock = Date.parse("2026-03-01T09:00:00Z");

async function message(contact: { id: string; phone: string }, data: Partial<Prisma.MessageUncheckedCreateInput> = {}) {
  const at = new Date((clock += 60_000));
  const inbound = data.direction === "INBOUND";
  return db.message.create({
    data: {
      id: newId("message", at),
      orgId: ctx.orgId,
      direction: "OUTBOUND",
      status: "DELIVERED",
      senderId: sender.id,
      contactId: contact.id,
      from: inbound ? contact.phone : sender.address,
      to: inbound ? sender.address : contact.phone,
      body: "Hello",
      encoding: "GSM-7",
      segments: 1,
      createdAt: at,
      ...data,
    },
  });
}

beforeAll(async () => {
  const { org, owner } = await createOrgWithOwner(db);
  ctx = await orgContextFor(db, owner, org.id);
  // Any member may opt a contact out or in, as any member edits contacts.
  member = (await addMember(db, org.id, "MEMBER")).user;
  caller = callerFor(db, member, org.id);
  sender = await db.senderNumber.findFirstOrThrow({ where: { orgId: org.id }, select: { id: true, address: true } });
});

describe("contacts.changeConsent", () => {
  it("opts a contact out as the member: state, consent history, audit, and their queued marketing canceled", async () => {
    const contact = await createContact(ctx, { phone: phone() });
    const marketing = await message(contact, { status: "QUEUED", marketing: true });
    const transactional = await message(contact, { status: "QUEUED", marketing: false });

    const result = await caller.contacts.changeConsent({ id: contact.id, kind: "OPT_OUT" });

    expect(result).toMatchObject({ id: contact.id, consentStatus: "OPTED_OUT", optOutSource: "ui" });
    expect(result.optedOutAt).toBeInstanceOf(Date);
    expect(await db.consentEvent.findMany({ where: { contactId: contact.id } })).toMatchObject([
      { orgId: ctx.orgId, action: "OPT_OUT", source: "ui", keyword: null, messageId: null },
    ]);
    expect(await db.auditLog.findMany({ where: { targetId: contact.id, action: "contact.opted_out" } })).toMatchObject([
      { actorType: "USER", actorId: member.id, changes: { source: "ui" } },
    ]);
    expect(await db.message.findUniqueOrThrow({ where: { id: marketing.id } })).toMatchObject({ status: "FAILED", errorCode: "21610" });
    expect(await db.messageEvent.findMany({ where: { messageId: marketing.id } })).toMatchObject([{ status: "FAILED", errorCode: "21610" }]);
    // Transactional texts (codes, receipts) still go to someone opted out.
    expect(await db.message.findUniqueOrThrow({ where: { id: transactional.id } })).toMatchObject({ status: "QUEUED" });
  });

  it("answers a contact already in that state as it is, recording nothing twice", async () => {
    const contact = await createContact(ctx, { phone: phone() });
    const first = await caller.contacts.changeConsent({ id: contact.id, kind: "OPT_OUT" });
    const again = await caller.contacts.changeConsent({ id: contact.id, kind: "OPT_OUT" });
    expect(again.optedOutAt).toEqual(first.optedOutAt);
    expect(await db.consentEvent.count({ where: { contactId: contact.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { targetId: contact.id, action: "contact.opted_out" } })).toBe(1);
    // Opted in already (every new contact is): no opt-in row either.
    const other = await createContact(ctx, { phone: phone() });
    await caller.contacts.changeConsent({ id: other.id, kind: "OPT_IN" });
    expect(await db.consentEvent.count({ where: { contactId: other.id } })).toBe(0);
  });

  it("opts them back in, clearing the opt-out, with both changes in the history in order", async () => {
    const contact = await createContact(ctx, { phone: phone() });
    await caller.contacts.changeConsent({ id: contact.id, kind: "OPT_OUT" });
    const back = await caller.contacts.changeConsent({ id: contact.id, kind: "OPT_IN" });
    expect(back).toMatchObject({ consentStatus: "OPTED_IN", optedOutAt: null, optOutSource: null });
    expect(back.optedInAt!.getTime()).toBeGreaterThan(contact.optedInAt!.getTime());
    const history = await db.consentEvent.findMany({ where: { contactId: contact.id }, orderBy: { occurredAt: "asc" } });
    expect(history.map((e) => [e.action, e.source])).toEqual([
      ["OPT_OUT", "ui"],
      ["OPT_IN", "ui"],
    ]);
  });

  it("refuses an unknown contact and an unknown kind, changing nothing", async () => {
    await expectTRPCError(caller.contacts.changeConsent({ id: "ct_missing", kind: "OPT_OUT" }), "NOT_FOUND");
    const contact = await createContact(ctx, { phone: phone() });
    // @ts-expect-error: a kind the schema does not know
    await expectTRPCError(caller.contacts.changeConsent({ id: contact.id, kind: "SUBSCRIBE" }), "BAD_REQUEST");
    expect(await db.contact.findUniqueOrThrow({ where: { id: contact.id } })).toMatchObject({ consentStatus: "OPTED_IN" });
    expect(await db.consentEvent.count({ where: { contactId: contact.id } })).toBe(0);
  });
});

describe("messages.list for one contact", () => {
  it("lists only that contact's messages, both ways, newest first, page by page on the cursor", async () => {
    const contact = await createContact(ctx, { phone: phone() });
    const other = await createContact(ctx, { phone: phone() });
    const theirs = [
      await message(contact, { body: "Spring sale" }),
      await message(other, { body: "Not theirs" }),
      await message(contact, { direction: "INBOUND", status: "RECEIVED", body: "Is it on all week?" }),
      await message(contact, { status: "FAILED", errorCode: "30003", body: "Yes, until Sunday" }),
      await message(contact, { status: "QUEUED", body: "See you" }),
    ].filter((m) => m.contactId === contact.id);
    const newestFirst = theirs.map((m) => m.id).reverse();

    const all = await caller.messages.list({ contactId: contact.id });
    expect(all.items.map((m) => m.id)).toEqual(newestFirst);
    expect(all.items[1]).toMatchObject({ status: "FAILED", errorCode: "30003", direction: "OUTBOUND" });
    expect(all.items[2]).toMatchObject({ direction: "INBOUND", body: "Is it on all week?" });

    const first = await caller.messages.list({ contactId: contact.id, limit: 3 });
    expect(first.items.map((m) => m.id)).toEqual(newestFirst.slice(0, 3));
    const second = await caller.messages.list({ contactId: contact.id, limit: 3, cursor: first.nextCursor! });
    expect(second.items.map((m) => m.id)).toEqual(newestFirst.slice(3));
    expect(second.nextCursor).toBeNull();

    // Filters combine with it.
    const inbound = await caller.messages.list({ contactId: contact.id, direction: "INBOUND" });
    expect(inbound.items.map((m) => m.body)).toEqual(["Is it on all week?"]);
    expect((await caller.messages.list({ contactId: "ct_nobody" })).items).toEqual([]);
  });
});
