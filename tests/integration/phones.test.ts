// The simulator's virtual phones: which numbers appear, what one phone's screen shows, and texts
// typed on a phone going through the real inbound path (receiveMessage): stored as RECEIVED, STOP
// opting the contact out, HELP answered with the org's own help text.
import { beforeAll, describe, expect, it } from "vitest";
import { createConnection } from "@/lib/delivery/manage-connections";
import type { MessageStatus } from "@/lib/generated/prisma/enums";
import { newId } from "@/lib/ids";
import { checkMediaUrl } from "@/lib/media/media-url";
import { listVirtualPhones } from "@/lib/simulator/list-virtual-phones";
import { phoneThread } from "@/lib/simulator/phone-thread";
import { replyFromPhone } from "@/lib/simulator/reply-from-phone";
import { updateKeywordReplies } from "@/lib/messaging/update-keyword-replies";
import type { OrgContext } from "@/lib/org-context";
import { createSender } from "@/lib/senders/manage-senders";
import { createContact } from "@/lib/contacts/create-contact";
import { setupTestDatabase } from "./helpers/db";
import { expectDomainError } from "./helpers/expect-error";
import { callerFor, createOrgWithOwner, orgContextFor, type TestUser } from "./helpers/factories";

const { db } = await setupTestDatabase();

const PHONE_A = "+14155552671";
const PHONE_B = "+14155552672";
const PHONE_SMPP = "+14155552673";

let owner: TestUser;
let ctx: OrgContext;
let simSender: { id: string; address: string };
let alphaSender: { id: string };
let smppSender: { id: string; address: string };

async function outbound(sender: { id: string; address: string }, to: string, body: string, status: MessageStatus, extra: object = {}) {
  return db.message.create({
    data: { id: newId("message"), orgId: ctx.orgId, direction: "OUTBOUND", status, senderId: sender.id, from: sender.address, to, body, encoding: "GSM-7", segments: 1, ...extra },
  });
}

/** What the dispatcher and the simulator would do: the queued replies reach the phone. */
async function deliverQueued() {
  await db.message.updateMany({
    where: { orgId: ctx.orgId, direction: "OUTBOUND", status: "QUEUED" },
    data: { status: "DELIVERED", deliveredAt: new Date() },
  });
}

beforeAll(async () => {
  const created = await createOrgWithOwner(db, { name: "Bean There" });
  owner = created.owner;
  ctx = await orgContextFor(db, owner, created.org.id);
  const sim = await createConnection(ctx, { name: "Simulator", kind: "SIMULATOR" });
  const smpp = await createConnection(ctx, { name: "SMSC", kind: "SMPP", config: { host: "127.0.0.1", systemId: "ts", password: "pw" } });
  simSender = await createSender(ctx, { kind: "LONG_CODE", address: "+1 415 555 2699", connectionId: sim.id });
  alphaSender = await createSender(ctx, { kind: "ALPHANUMERIC", address: "BeanThere", connectionId: sim.id });
  smppSender = await createSender(ctx, { kind: "LONG_CODE", address: "+1 415 555 2698", connectionId: smpp.id });
  await createContact(ctx, { phone: PHONE_A, firstName: "Ada" });
});

describe("virtual phones", () => {
  it("are the numbers simulator senders texted, newest first, never those of real carriers", async () => {
    await outbound(simSender, PHONE_A, "Welcome to Bean There", "DELIVERED", { deliveredAt: new Date() });
    await outbound(simSender, PHONE_B, "Your order is ready", "QUEUED");
    await outbound(smppSender, PHONE_SMPP, "Through a real carrier", "DELIVERED");

    const { senders, phones } = await listVirtualPhones(ctx);
    // Every org starts with the simulator number it was given, listed first.
    const provisioned = await db.senderNumber.findFirstOrThrow({ where: { orgId: ctx.orgId }, orderBy: { createdAt: "asc" } });
    expect(senders.map((s) => s.address)).toEqual([provisioned.address, "+14155552699", "BeanThere"]);
    expect(phones.map((p) => p.phone)).toEqual([PHONE_B, PHONE_A]);
    expect(phones[1]).toMatchObject({ contact: { firstName: "Ada" }, lastMessage: { body: "Welcome to Bean There", direction: "OUTBOUND" } });
    expect((await listVirtualPhones(ctx, { search: "2671" })).phones.map((p) => p.phone)).toEqual([PHONE_A]);
  });

  it("show what the phone received and sent, each text with its segments; queued texts are not there yet", async () => {
    const long = "x".repeat(200);
    await outbound(simSender, PHONE_A, long, "DELIVERED", { segments: 2, deliveredAt: new Date() });
    await outbound(simSender, PHONE_A, "Still on its way", "SENT");
    await outbound(simSender, PHONE_A, "Lost on the way", "UNDELIVERED", { errorCode: "30003", carrierMessageId: "sim-1" });
    await outbound(simSender, PHONE_A, "Never left (opted out)", "FAILED", { errorCode: "21610" });
    await outbound(smppSender, PHONE_A, "From the real carrier", "DELIVERED");

    const thread = await phoneThread(ctx, { phone: "(415) 555-2671" });
    expect(thread.phone).toBe(PHONE_A);
    expect(thread.contact).toMatchObject({ firstName: "Ada", consentStatus: "OPTED_IN" });
    expect(thread.messages.map((m) => [m.direction, m.body.slice(0, 25), m.segments, m.status])).toEqual([
      ["OUTBOUND", "Welcome to Bean There", 1, "DELIVERED"],
      ["OUTBOUND", long.slice(0, 25), 2, "DELIVERED"],
      ["OUTBOUND", "Lost on the way", 1, "UNDELIVERED"],
    ]);
    await expectDomainError(phoneThread(ctx, { phone: "12" }), "BAD_REQUEST", "phone");
  });

  it("show MMS pictures through signed media URLs that stay the same between refreshes", async () => {
    const asset = await db.mediaAsset.create({
      data: { id: newId("media"), orgId: ctx.orgId, storageKey: `test/${newId("media")}`, contentType: "image/png", size: 68, sha256: "0".repeat(64) },
    });
    await outbound(simSender, PHONE_A, "Our new latte art", "DELIVERED", { mediaIds: [asset.id], deliveredAt: new Date() });
    const [first, second] = [await phoneThread(ctx, { phone: PHONE_A }), await phoneThread(ctx, { phone: PHONE_A })];
    const media = first.messages.at(-1)!.media;
    expect(media).toEqual([{ id: asset.id, contentType: "image/png", url: expect.stringMatching(`^http://localhost:3000/api/media/${asset.id}\\?expires=\\d+&sig=`) }]);
    expect(second.messages.at(-1)!.media).toEqual(media);
    const url = new URL(media[0]!.url!);
    expect(checkMediaUrl(asset.id, url.searchParams.get("expires"), url.searchParams.get("sig"))).toMatchObject({ ok: true });
  });

  it("text the org through the inbound path: stored as RECEIVED and shown on the phone", async () => {
    const caller = callerFor(db, owner, ctx.orgId);
    const message = await caller.phones.reply({ phone: "415 555 2674", senderId: simSender.id, body: "Do you have oat milk?" });
    expect(message).toMatchObject({
      direction: "INBOUND",
      status: "RECEIVED",
      from: "+14155552674",
      to: "+14155552699",
      senderId: simSender.id,
      body: "Do you have oat milk?",
      segments: 1,
    });
    // A phone added on the page exists from its first text on.
    expect((await listVirtualPhones(ctx)).phones[0]!.phone).toBe("+14155552674");
    const thread = await phoneThread(ctx, { phone: "+14155552674" });
    expect(thread.messages.map((m) => [m.direction, m.body])).toEqual([["INBOUND", "Do you have oat milk?"]]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { targetId: message.id } });
    expect(audit).toMatchObject({ action: "virtual_phone.texted", actorId: owner.id, changes: { from: "+14155552674", to: "+14155552699" } });
  });

  it("STOP typed on a phone opts its contact out and the phone gets the opt-out reply", async () => {
    await replyFromPhone(ctx, db, { phone: PHONE_A, senderId: simSender.id, body: "stop" });
    const contact = await db.contact.findFirstOrThrow({ where: { orgId: ctx.orgId, phone: PHONE_A } });
    expect(contact).toMatchObject({ consentStatus: "OPTED_OUT", optOutSource: "keyword:STOP" });
    expect(await db.consentEvent.count({ where: { contactId: contact.id, action: "OPT_OUT", keyword: "STOP" } })).toBe(1);
    await deliverQueued();
    const thread = await phoneThread(ctx, { phone: PHONE_A });
    expect(thread.contact!.consentStatus).toBe("OPTED_OUT");
    expect(thread.messages.slice(-2).map((m) => [m.direction, m.body])).toEqual([
      ["INBOUND", "stop"],
      ["OUTBOUND", "Bean There: You are unsubscribed and will receive no further messages. Reply START to resubscribe."],
    ]);
  });

  it("HELP gets the org's own help text", async () => {
    await updateKeywordReplies(ctx, { helpReply: "Bean There help: call 415-555-2699. Reply STOP to opt out." });
    await replyFromPhone(ctx, db, { phone: PHONE_B, senderId: simSender.id, body: "HELP" });
    await deliverQueued();
    const thread = await phoneThread(ctx, { phone: PHONE_B });
    expect(thread.messages.at(-1)).toMatchObject({ direction: "OUTBOUND", body: "Bean There help: call 415-555-2699. Reply STOP to opt out." });
  });

  it("refuse senders a phone cannot text, and other orgs' senders", async () => {
    await expectDomainError(replyFromPhone(ctx, db, { phone: PHONE_A, senderId: smppSender.id, body: "Hi" }), "BAD_REQUEST", "senderId");
    await expectDomainError(replyFromPhone(ctx, db, { phone: PHONE_A, senderId: alphaSender.id, body: "Hi" }), "BAD_REQUEST", "senderId");
    await expectDomainError(replyFromPhone(ctx, db, { phone: "555", senderId: simSender.id, body: "Hi" }), "BAD_REQUEST", "phone");
    await expect(replyFromPhone(ctx, db, { phone: PHONE_A, senderId: simSender.id, body: "   " })).rejects.toThrow(/Write a message/);

    const other = await createOrgWithOwner(db);
    const otherCtx = await orgContextFor(db, other.owner, other.org.id);
    await expectDomainError(replyFromPhone(otherCtx, db, { phone: PHONE_A, senderId: simSender.id, body: "Hi" }), "NOT_FOUND", "senderId");
    expect((await listVirtualPhones(otherCtx)).phones).toEqual([]);
    expect((await phoneThread(otherCtx, { phone: PHONE_A })).messages).toEqual([]);
  });
});
