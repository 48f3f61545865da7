import http from "node:http";
import type { AddressInfo } from "node:net";
import { beforeAll, describe, expect, it } from "vitest";
import { receiveMessage } from "@/lib/messaging/receive-message";
import { sendOne } from "@/lib/messaging/send-one";
import type { OrgContext } from "@/lib/org-context";
import { setupTestDatabase } from "../helpers/db";
import { createOrgWithOwner, orgContextFor } from "../helpers/factories";
import { captureLogs } from "../helpers/logs";

const { db } = await setupTestDatabase();

let ctx: OrgContext;
let sender: { id: string; address: string; connectionId: string };
let orgName: string;

beforeAll(async () => {
  const { org, owner } = await createOrgWithOwner(db, { name: "Bean There" });
  orgName = org.name;
  ctx = await orgContextFor(db, owner, org.id);
  sender = await db.senderNumber.findFirstOrThrow({ where: { orgId: org.id } });
});

let n = 0;
const nextPhone = () => `+1415555${String(3000 + n++).padStart(4, "0")}`;
const text = (from: string, body: string, carrierMessageId?: string) =>
  receiveMessage(db, sender.connectionId, { from, to: sender.address, body, media: [], receivedAt: new Date(), carrierMessageId });
const contactOf = (phone: string) => db.contact.findFirstOrThrow({ where: { orgId: ctx.orgId, phone } });
const repliesTo = (phone: string) => db.message.findMany({ where: { orgId: ctx.orgId, to: phone, direction: "OUTBOUND" }, orderBy: { id: "asc" } });

describe("receiveMessage", () => {
  it("stores an ordinary text as received, with a contact for a new number, and no reply", async () => {
    const phone = nextPhone();
    const { message, keyword } = await text(phone, "Do you have oat milk?");
    expect(keyword).toBeNull();
    expect(message).toMatchObject({ direction: "INBOUND", status: "RECEIVED", from: phone, to: sender.address, body: "Do you have oat milk?", senderId: sender.id });
    expect((await contactOf(phone)).consentStatus).toBe("OPTED_IN");
    expect(await db.messageEvent.findMany({ where: { messageId: message.id }, select: { status: true } })).toEqual([{ status: "RECEIVED" }]);
    expect(await repliesTo(phone)).toEqual([]);
  });

  it.each(["STOP", "stop", " Stop ", "STOPALL", "unsubscribe", "Cancel", "END", "quit", "REVOKE", "optout", "STOP."])(
    "%j opts out, records consent and the audit trail, and confirms with the org's opt-out reply",
    async (body) => {
      const phone = nextPhone();
      const { keyword, message } = await text(phone, body);
      expect(keyword).toBe("OPT_OUT");
      const contact = await contactOf(phone);
      expect(contact).toMatchObject({ consentStatus: "OPTED_OUT", optOutSource: expect.stringMatching(/^keyword:/) });
      const consent = await db.consentEvent.findMany({ where: { contactId: contact.id } });
      expect(consent).toMatchObject([{ action: "OPT_OUT", source: "keyword", messageId: message.id }]);
      expect(await db.auditLog.count({ where: { targetId: contact.id, action: "contact.opted_out", actorType: "SYSTEM" } })).toBe(1);
      const [reply] = await repliesTo(phone);
      expect(reply).toMatchObject({ marketing: false, status: "QUEUED", from: sender.address });
      expect(reply!.body).toContain(`${orgName}: You are unsubscribed`);
    },
  );

  it("does not treat a keyword inside a sentence as one", async () => {
    const phone = nextPhone();
    const { keyword } = await text(phone, "please don't stop sending deals");
    expect(keyword).toBeNull();
    expect((await contactOf(phone)).consentStatus).toBe("OPTED_IN");
  });

  it("START and UNSTOP opt back in; YES opts in only someone who opted out", async () => {
    const phone = nextPhone();
    expect((await text(phone, "YES")).keyword).toBeNull(); // opted in already: just a reply
    await text(phone, "STOP");
    expect((await text(phone, "yes")).keyword).toBe("OPT_IN");
    expect((await contactOf(phone)).consentStatus).toBe("OPTED_IN");
    await text(phone, "STOP");
    expect((await text(phone, "unstop")).keyword).toBe("OPT_IN");
    const contact = await contactOf(phone);
    expect(contact).toMatchObject({ consentStatus: "OPTED_IN", optedOutAt: null });
    const history = await db.consentEvent.findMany({ where: { contactId: contact.id }, orderBy: { occurredAt: "asc" } });
    expect(history.map((c) => [c.action, c.keyword])).toEqual([["OPT_OUT", "STOP"], ["OPT_IN", "YES"], ["OPT_OUT", "STOP"], ["OPT_IN", "UNSTOP"]]);
  });

  it("answers HELP and INFO with the org's own help text when it set one", async () => {
    await db.organization.update({ where: { id: ctx.orgId }, data: { helpReply: "Bean There help: call 555-0100. Reply STOP to opt out." } });
    const phone = nextPhone();
    expect((await text(phone, "help")).keyword).toBe("HELP");
    expect((await text(phone, "INFO")).keyword).toBe("HELP");
    const replies = await repliesTo(phone);
    expect(replies.map((r) => r.body)).toEqual(["Bean There help: call 555-0100. Reply STOP to opt out.", "Bean There help: call 555-0100. Reply STOP to opt out."]);
    expect((await contactOf(phone)).consentStatus).toBe("OPTED_IN");
  });

  it("fails marketing still queued or scheduled for someone who opts out, but not transactional messages", async () => {
    const phone = nextPhone();
    const promo = await sendOne(ctx, { to: phone, body: "20% off" }, "ui");
    const later = await sendOne(ctx, { to: phone, body: "Tomorrow only", sendAt: new Date(Date.now() + 86_400_000) }, "ui");
    const receipt = await sendOne(ctx, { to: phone, body: "Your receipt", marketing: false }, "api");
    await text(phone, "STOP");
    const after = await db.message.findMany({ where: { id: { in: [promo.id, later.id, receipt.id] } }, orderBy: { id: "asc" } });
    expect(after.map((m) => [m.body, m.status, m.errorCode])).toEqual([
      ["20% off", "FAILED", "21610"],
      ["Tomorrow only", "FAILED", "21610"],
      ["Your receipt", "QUEUED", null],
    ]);
  });

  it("stores a text the carrier delivers twice (same carrier id) once", async () => {
    const phone = nextPhone();
    const first = await text(phone, "STOP", "SMdup0001");
    const second = await text(phone, "STOP", "SMdup0001");
    expect(second.message.id).toBe(first.message.id);
    expect(await db.message.count({ where: { orgId: ctx.orgId, from: phone } })).toBe(1);
    expect(await db.consentEvent.count({ where: { contactId: first.message.contactId! } })).toBe(1);
  });

  it("keeps an MMS's pictures as the org's media, and the text even when a picture cannot be fetched", async () => {
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");
    const server = http.createServer((req, res) => (req.url === "/p.png" ? res.writeHead(200, { "Content-Type": "image/png" }).end(png) : res.writeHead(404).end()));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const logs = captureLogs();
    try {
      const { message } = await receiveMessage(db, sender.connectionId, {
        from: nextPhone(),
        to: sender.address,
        body: "Is this the one?",
        media: [{ url: `${base}/p.png`, contentType: "image/png" }, { url: `${base}/gone.png`, contentType: "image/png" }],
        receivedAt: new Date(),
      });
      expect(message.mediaIds).toHaveLength(1);
      expect(await db.mediaAsset.findUniqueOrThrow({ where: { id: message.mediaIds[0] } })).toMatchObject({ orgId: ctx.orgId, contentType: "image/png" });
      expect(logs.find((line) => line.component === "messaging")).toMatchObject({ level: "warn", msg: expect.stringContaining("gone.png") });
    } finally {
      server.close();
    }
  });

  it("refuses a text to a number that is not a sender on the connection", async () => {
    await expect(receiveMessage(db, sender.connectionId, { from: nextPhone(), to: "+19995550000", body: "hi", media: [], receivedAt: new Date() })).rejects.toMatchObject({
      code: "NOT_FOUND",
      field: "to",
    });
  });
});
