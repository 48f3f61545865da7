// The inbox's own operations against a real database: the thread (both directions, who sent each,
// notes and consent in the flow), replies (from the number texted, undoable, waiting cleared,
// refused to an opted-out contact with the reason), views and search.
import { beforeAll, describe, expect, it } from "vitest";
import { addNote } from "@/lib/inbox/add-note";
import { getThread } from "@/lib/inbox/get-thread";
import { listConversations } from "@/lib/inbox/list-conversations";
import { reply, undoReply } from "@/lib/inbox/reply";
import { setLabels } from "@/lib/inbox/set-labels";
import { startConversation } from "@/lib/inbox/start-conversation";
import { createContact } from "@/lib/contacts/create-contact";
import { receiveMessage } from "@/lib/messaging/receive-message";
import { sendOne } from "@/lib/messaging/send-one";
import type { OrgContext } from "@/lib/org-context";
import { createSender } from "@/lib/senders/manage-senders";
import { setupTestDatabase } from "../helpers/db";
import { createOrgWithOwner, orgContextFor } from "../helpers/factories";

const { db } = await setupTestDatabase();

let ctx: OrgContext;
let first: { id: string; address: string; connectionId: string };
let second: { id: string; address: string };
let n = 0;
const nextPhone = () => `+1415555${String(6000 + n++).padStart(4, "0")}`;

beforeAll(async () => {
  const { org, owner } = await createOrgWithOwner(db, { name: "Inbox ops" });
  ctx = await orgContextFor(db, owner, org.id);
  first = await db.senderNumber.findFirstOrThrow({ where: { orgId: org.id } });
  second = await createSender(ctx, { kind: "LONG_CODE", address: "+1 212 736 2101", connectionId: first.connectionId });
});

const text = (from: string, body: string, to = first.address) => receiveMessage(db, first.connectionId, { from, to, body, media: [], receivedAt: new Date() });
const conversationOf = async (phone: string) => {
  const contact = await db.contact.findFirstOrThrow({ where: { orgId: ctx.orgId, phone } });
  return db.conversation.findUniqueOrThrow({ where: { contactId: contact.id } });
};

describe("replies", () => {
  it("go from the number the contact last texted, wait to be undone, and clear 'waiting since'", async () => {
    const phone = nextPhone();
    await text(phone, "first to the main number");
    await text(phone, "then to the other", second.address);
    const conversation = await conversationOf(phone);
    expect(conversation.senderId).toBe(second.id);
    expect(conversation.waitingSince).not.toBeNull();

    const sent = await reply(ctx, { id: conversation.id, body: "Hi there" });
    expect(sent).toMatchObject({ status: "SCHEDULED", from: second.address, to: phone, source: "ui" });
    expect(sent.sendAt!.getTime()).toBeGreaterThan(Date.now() + 5_000);
    expect(await conversationOf(phone)).toMatchObject({ waitingSince: null, assigneeId: ctx.actor.id, lastMessageId: sent.id });

    const canceled = await undoReply(ctx, { id: conversation.id, messageId: sent.id });
    expect(canceled.status).toBe("CANCELED");
    // Waiting again, since the contact's first text after the last reply that stands.
    expect((await conversationOf(phone)).waitingSince).toEqual(conversation.waitingSince);

    const chosen = await reply(ctx, { id: conversation.id, body: "From the main number", from: first.id, undoSeconds: 0 });
    expect(chosen).toMatchObject({ status: "QUEUED", from: first.address });
  });

  it("refuses a marketing reply to a contact who opted out, with the reason", async () => {
    const phone = nextPhone();
    await text(phone, "STOP");
    const conversation = await conversationOf(phone);
    await expect(reply(ctx, { id: conversation.id, body: "Come back!" })).rejects.toMatchObject({ reason: "recipient_unsubscribed" });
  });

  it("cannot undo a message of another conversation", async () => {
    const a = nextPhone();
    const b = nextPhone();
    await text(a, "a");
    await text(b, "b");
    const sent = await reply(ctx, { id: (await conversationOf(a)).id, body: "for a" });
    await expect(undoReply(ctx, { id: (await conversationOf(b)).id, messageId: sent.id })).rejects.toMatchObject({ field: "messageId" });
  });
});

describe("the thread", () => {
  it("has the contact's texts both ways with who sent each, notes and consent changes, in time order", async () => {
    const phone = nextPhone();
    await text(phone, "Hello?");
    const conversation = await conversationOf(phone);
    await reply(ctx, { id: conversation.id, body: "Hi, this is the shop", undoSeconds: 0 });
    await sendOne(ctx, { to: phone, body: "From the API" }, "api");
    await addNote(ctx, { id: conversation.id, body: "Regular customer" });
    await text(phone, "STOP");

    const thread = await getThread(ctx, conversation.id);
    const summary = thread.items.map((i) =>
      i.type === "message" ? `${i.direction === "INBOUND" ? "in" : "out"}:${i.author.kind}:${i.body.slice(0, 12)}` : i.type === "note" ? `note:${i.body}` : `consent:${i.action}`,
    );
    expect(summary.slice(0, 5)).toEqual(["in:contact:Hello?", "out:teammate:Hi, this is ", "out:api:From the API", "note:Regular customer", "in:contact:STOP"]);
    expect(summary).toContain("consent:OPT_OUT");
    // The keyword's confirmation is a keyword reply.
    expect(summary.some((s) => s.startsWith("out:keyword:"))).toBe(true);
    const teammate = thread.items.find((i) => i.type === "message" && i.author.kind === "teammate");
    expect(teammate).toMatchObject({ author: { name: expect.stringMatching(/^User /), userId: ctx.actor.id } });

    // The side panel's history has every change, newest first: START back in after the STOP.
    await text(phone, "START");
    const later = await getThread(ctx, conversation.id);
    expect(later.consentHistory.map((c) => `${c.action}:${c.keyword}`)).toEqual(["OPT_IN:START", "OPT_OUT:STOP"]);
  });

  it("starts one conversation with a contact who never texted, empty until someone writes", async () => {
    const contact = await createContact(ctx, { phone: nextPhone(), firstName: "Nora" });
    const { id, created } = await startConversation(ctx, { contactId: contact.id });
    expect(created).toBe(true);
    expect((await startConversation(ctx, { contactId: contact.id })).id).toBe(id);
    const thread = await getThread(ctx, id);
    expect(thread.items).toEqual([]);
    expect(thread.contact.firstName).toBe("Nora");
  });
});

describe("views and search", () => {
  it("finds conversations by name, number, words of a text and label", async () => {
    const phone = nextPhone();
    await text(phone, "Do you sell oat-milk lattes");
    const conversation = await conversationOf(phone);
    await db.contact.update({ where: { id: conversation.contactId }, data: { firstName: "Zebedee" } });
    await setLabels(ctx, { id: conversation.id, labels: ["Wholesale", "wholesale", "urgent"] });

    const ids = async (input: Parameters<typeof listConversations>[1]) => (await listConversations(ctx, input)).conversations.map((c) => c.id);
    expect(await ids({ search: "zebedee" })).toEqual([conversation.id]);
    expect(await ids({ search: phone.slice(-7) })).toEqual([conversation.id]);
    expect(await ids({ search: "OAT-MILK" })).toEqual([conversation.id]);
    expect(await ids({ search: "100%_" })).toEqual([]);
    expect(await ids({ label: "urgent" })).toEqual([conversation.id]);
    expect((await db.conversation.findUniqueOrThrow({ where: { id: conversation.id } })).labels).toEqual(["Wholesale", "urgent"]);
    expect(await ids({ senderId: first.id })).toContain(conversation.id);
    expect(await ids({ senderId: second.id })).not.toContain(conversation.id);
  });

  it("pages newest activity first without repeating or skipping", async () => {
    const all = await listConversations(ctx, { view: "all", limit: 100 });
    const seen: string[] = [];
    let cursor: { at: Date; id: string } | undefined;
    do {
      const page = await listConversations(ctx, { view: "all", limit: 2, cursor });
      seen.push(...page.conversations.map((c) => c.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all.conversations.map((c) => c.id));
    expect(seen.length).toBeGreaterThan(3);
  });
});
