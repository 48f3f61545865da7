// The message log, a message's page and canceling a scheduled message, against rows written
// directly (the pipeline is not needed to read them), through tRPC as the Messages page calls them.
import { beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";
import { checkMediaUrl } from "@/lib/media/media-url";
import { cancelMessage } from "@/lib/messaging/cancel-message";
import type { OrgContext } from "@/lib/org-context";
import { setupTestDatabase } from "./helpers/db";
import { expectDomainError, expectTRPCError } from "./helpers/expect-error";
import { callerFor, createOrgWithOwner, orgContextFor, type Caller } from "./helpers/factories";

const { db } = await setupTestDatabase();

interface Org {
  ctx: OrgContext;
  caller: Caller;
  sender: { id: string; address: string };
}

let a: Org;
let b: Org;
// Messages are written a minute apart, oldest first, so ids and createdAt agree.
let clock = Date.parse("2026-03-01T09:00:00Z");
const nextTime = () => new Date((clock += 60_000));

async function makeOrg(name: string, senderAddress: string): Promise<Org> {
  const { org, owner } = await createOrgWithOwner(db, { name });
  // Every org starts with a simulator number, picked at random: fixed here so number filters are exact.
  const provisioned = await db.senderNumber.findFirstOrThrow({ where: { orgId: org.id } });
  const sender = await db.senderNumber.update({ where: { id: provisioned.id }, data: { address: senderAddress } });
  return { ctx: await orgContextFor(db, owner, org.id), caller: callerFor(db, owner, org.id), sender };
}

type MessageData = Partial<Prisma.MessageUncheckedCreateInput>;

async function message(org: Org, data: MessageData = {}) {
  const at = nextTime();
  return db.message.create({
    data: {
      id: newId("message", at),
      orgId: org.ctx.orgId,
      direction: "OUTBOUND",
      status: "DELIVERED",
      senderId: org.sender.id,
      from: org.sender.address,
      to: "+14155550100",
      body: "Hello",
      encoding: "GSM-7",
      segments: 1,
      createdAt: at,
      ...data,
    },
  });
}

const ids = (page: { items: { id: string }[] }) => page.items.map((m) => m.id);

let inA: Awaited<ReturnType<typeof message>>[];

beforeAll(async () => {
  a = await makeOrg("Org A", "+12125550000");
  b = await makeOrg("Org B", "+13125550000");
  inA = [
    await message(a, { to: "+14155550123", status: "DELIVERED" }),
    await message(a, { to: "+14155550123", status: "FAILED", errorCode: "30003" }),
    await message(a, { direction: "INBOUND", status: "RECEIVED", from: "+14155550123", to: a.sender.address, senderId: a.sender.id }),
    await message(a, { to: "+447700900123", status: "SENT" }),
    await message(a, { to: "+14155550199", status: "QUEUED" }),
    await message(a, { to: "+14155550199", status: "SCHEDULED", sendAt: new Date("2030-01-01T10:00:00Z") }),
    await message(a, { to: "+14155550123", status: "DELIVERED", from: "ACME" }),
  ];
  await message(b, { to: "+14155550123", status: "DELIVERED", body: "B's own" });
});

describe("messages.list", () => {
  it("lists the org's messages newest first, page by page on the id cursor, each once", async () => {
    const all = await a.caller.messages.list({});
    expect(ids(all)).toEqual(inA.map((m) => m.id).reverse());
    expect(all.nextCursor).toBeNull();

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await a.caller.messages.list({ limit: 3, cursor });
      seen.push(...ids(page));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(ids(all));
  });

  it("filters by status and direction", async () => {
    expect(ids(await a.caller.messages.list({ status: "FAILED" }))).toEqual([inA[1]!.id]);
    const failed = (await a.caller.messages.list({ status: "FAILED" })).items[0]!;
    expect(failed).toMatchObject({ errorCode: "30003", to: "+14155550123", direction: "OUTBOUND" });
    expect(ids(await a.caller.messages.list({ direction: "INBOUND" }))).toEqual([inA[2]!.id]);
    expect(ids(await a.caller.messages.list({ direction: "OUTBOUND", status: "RECEIVED" }))).toEqual([]);
  });

  it("filters by part of the to or from number, however it is typed, or by sender name", async () => {
    const withNumber = [inA[6]!, inA[2]!, inA[1]!, inA[0]!].map((m) => m.id);
    expect(ids(await a.caller.messages.list({ number: "(415) 555-0123" }))).toEqual(withNumber);
    expect(ids(await a.caller.messages.list({ number: "+1 415 555 0123" }))).toEqual(withNumber);
    expect(ids(await a.caller.messages.list({ number: "0199" }))).toEqual([inA[5]!.id, inA[4]!.id]);
    // "+44" is the start of the number: "44" alone would also match inside others.
    expect(ids(await a.caller.messages.list({ number: "+44" }))).toEqual([inA[3]!.id]);
    expect(ids(await a.caller.messages.list({ number: "acme" }))).toEqual([inA[6]!.id]);
    expect(ids(await a.caller.messages.list({ number: "0123", direction: "INBOUND" }))).toEqual([inA[2]!.id]);
    expect(ids(await a.caller.messages.list({ number: "999999" }))).toEqual([]);
  });

  it("filters by a date range: from its start, up to but not including its end", async () => {
    const page = await a.caller.messages.list({ since: inA[2]!.createdAt, until: inA[5]!.createdAt });
    expect(ids(page)).toEqual([inA[4]!.id, inA[3]!.id, inA[2]!.id]);
    expect(ids(await a.caller.messages.list({ since: inA[6]!.createdAt }))).toEqual([inA[6]!.id]);
    expect(ids(await a.caller.messages.list({ until: inA[1]!.createdAt }))).toEqual([inA[0]!.id]);
  });

  it("refuses LIKE wildcards in the number and a range that ends before it starts", async () => {
    await expectTRPCError(a.caller.messages.list({ number: "%" }), "BAD_REQUEST");
    await expectTRPCError(a.caller.messages.list({ number: "41_5" }), "BAD_REQUEST");
    await expectTRPCError(a.caller.messages.list({ since: inA[3]!.createdAt, until: inA[1]!.createdAt }), "BAD_REQUEST");
  });

  it("shows nothing of another org, whatever the filters", async () => {
    const inB = await b.caller.messages.list({});
    expect(inB.items.map((m) => m.body)).toEqual(["B's own"]);
    expect(ids(await b.caller.messages.list({ number: "0199" }))).toEqual([]);
    expect(ids(await b.caller.messages.list({ status: "FAILED" }))).toEqual([]);
    expect(ids(await b.caller.messages.list({ cursor: "msg_zzzzzzzzzzzzzzzzzzzzzzzz" }))).toEqual(ids(inB));
  });
});

describe("messages.get", () => {
  it("returns the full history, parts, sender, contact and media of a message", async () => {
    const contact = await db.contact.create({ data: { id: newId("contact"), orgId: a.ctx.orgId, phone: "+14155550177", firstName: "Ada" } });
    const media = await db.mediaAsset.create({
      data: { id: newId("media"), orgId: a.ctx.orgId, storageKey: `k/${newId("media")}`, contentType: "image/png", size: 1234, fileName: "menu.png", sha256: "00" },
    });
    const gone = newId("media");
    const m = await message(a, { to: contact.phone, contactId: contact.id, mediaIds: [gone, media.id], status: "UNDELIVERED", segments: 2, priceMicros: 15800 });
    const t = (s: number) => new Date(m.createdAt.getTime() + s * 1000);
    await db.messageEvent.createMany({
      data: [
        { id: newId("messageEvent", t(2)), orgId: a.ctx.orgId, messageId: m.id, status: "SENT", source: "dispatcher", occurredAt: t(2) },
        { id: newId("messageEvent", t(0)), orgId: a.ctx.orgId, messageId: m.id, status: "QUEUED", source: "ui", occurredAt: t(0) },
        { id: newId("messageEvent", t(5)), orgId: a.ctx.orgId, messageId: m.id, status: "UNDELIVERED", source: "carrier", errorCode: "30005", errorMessage: "Unknown destination handset", occurredAt: t(5) },
      ],
    });
    await db.messageSubmission.createMany({
      data: [
        { connectionId: "conn_x", carrierMessageId: "part-2", messageId: m.id, part: 1, parts: 2, status: "UNDELIVERED", errorCode: "30005" },
        { connectionId: "conn_x", carrierMessageId: "part-1", messageId: m.id, part: 0, parts: 2, status: "DELIVERED" },
      ],
    });

    const got = await a.caller.messages.get({ id: m.id });
    expect(got.events.map((e) => [e.status, e.source, e.errorCode])).toEqual([
      ["QUEUED", "ui", null],
      ["SENT", "dispatcher", null],
      ["UNDELIVERED", "carrier", "30005"],
    ]);
    expect(got.events[2]!.errorMessage).toBe("Unknown destination handset");
    expect(got.submissions.map((s) => [s.part, s.carrierMessageId, s.status])).toEqual([
      [0, "part-1", "DELIVERED"],
      [1, "part-2", "UNDELIVERED"],
    ]);
    expect(got).toMatchObject({ segments: 2, priceMicros: 15800, encoding: "GSM-7", status: "UNDELIVERED" });
    expect(got.sender).toMatchObject({ id: a.sender.id, address: a.sender.address });
    expect(got.contact).toMatchObject({ id: contact.id, firstName: "Ada", phone: contact.phone });
    expect(got.media).toEqual([
      { id: gone, contentType: null, fileName: null, size: null, url: null },
      expect.objectContaining({ id: media.id, contentType: "image/png", fileName: "menu.png", size: 1234 }),
    ]);
    // A signed link the browser can show without a session, for this file only.
    const url = new URL(got.media[1]!.url!);
    expect(url.pathname).toBe(`/api/media/${media.id}`);
    expect(checkMediaUrl(media.id, url.searchParams.get("expires"), url.searchParams.get("sig"))).toMatchObject({ ok: true });
    expect(checkMediaUrl(gone, url.searchParams.get("expires"), url.searchParams.get("sig"))).toMatchObject({ ok: false });
  });

  it("does not find another org's message, or one that does not exist", async () => {
    await expectTRPCError(b.caller.messages.get({ id: inA[0]!.id }), "NOT_FOUND");
    await expectTRPCError(a.caller.messages.get({ id: "msg_missing" }), "NOT_FOUND");
  });
});

describe("messages.cancel", () => {
  it("cancels a scheduled message with a history row and an audit row", async () => {
    const m = await message(a, { status: "SCHEDULED", sendAt: new Date("2030-06-01T12:00:00Z"), nextAttemptAt: new Date("2030-06-01T12:00:00Z") });
    const canceled = await a.caller.messages.cancel({ id: m.id });
    expect(canceled).toMatchObject({ id: m.id, status: "CANCELED", nextAttemptAt: null });

    const history = await db.messageEvent.findMany({ where: { messageId: m.id } });
    expect(history).toEqual([expect.objectContaining({ orgId: a.ctx.orgId, status: "CANCELED", source: "ui" })]);
    const audit = await db.auditLog.findMany({ where: { targetId: m.id } });
    expect(audit).toEqual([
      expect.objectContaining({ action: "message.canceled", actorId: a.ctx.actor.id, changes: { status: { from: "SCHEDULED", to: "CANCELED" } } }),
    ]);

    // A second cancel finds it canceled already and changes nothing.
    await expectTRPCError(a.caller.messages.cancel({ id: m.id }), "CONFLICT");
    expect(await db.messageEvent.count({ where: { messageId: m.id } })).toBe(1);
  });

  it("moves it as every status move is made: the history row at the message's time, the secret text forgotten", async () => {
    const m = await message(a, { status: "SCHEDULED", sendAt: new Date("2030-06-01T12:00:00Z"), body: "Your code is ******", secretBody: "Your code is 123456" });
    const canceled = await cancelMessage(a.ctx, { id: m.id }, "api");
    const [event] = await db.messageEvent.findMany({ where: { messageId: m.id } });
    expect(event).toMatchObject({ status: "CANCELED", source: "api", occurredAt: canceled.updatedAt });
    const [row] = await db.$queryRaw<{ secretBody: string | null }[]>`SELECT "secretBody" FROM "Message" WHERE id = ${m.id}`;
    expect(row!.secretBody).toBeNull();
  });

  it("refuses messages that are not scheduled, naming their status, and writes nothing", async () => {
    for (const status of ["QUEUED", "SENDING", "SENT", "DELIVERED", "FAILED", "RECEIVED"] as const) {
      const m = await message(a, { status });
      const error = await expectDomainError(cancelMessage(a.ctx, { id: m.id }, "ui"), "CONFLICT", "id");
      expect(error.message).toContain(status.toLowerCase());
      expect(await db.message.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({ status });
      expect(await db.messageEvent.count({ where: { messageId: m.id } })).toBe(0);
      expect(await db.auditLog.count({ where: { targetId: m.id } })).toBe(0);
    }
  });

  it("cannot cancel another org's scheduled message", async () => {
    const scheduled = inA[5]!;
    await expectTRPCError(b.caller.messages.cancel({ id: scheduled.id }), "NOT_FOUND");
    expect(await db.message.findUniqueOrThrow({ where: { id: scheduled.id } })).toMatchObject({ status: "SCHEDULED" });
  });

  it("lets exactly one of two concurrent cancels win", async () => {
    const m = await message(a, { status: "SCHEDULED", sendAt: new Date("2030-06-01T12:00:00Z") });
    const outcomes = await Promise.allSettled([cancelMessage(a.ctx, { id: m.id }, "ui"), cancelMessage(a.ctx, { id: m.id }, "api")]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(await db.messageEvent.count({ where: { messageId: m.id, status: "CANCELED" } })).toBe(1);
  });
});

describe("messages.senders", () => {
  it("lists the org's own senders for the From choice", async () => {
    const connection = await db.carrierConnection.findFirstOrThrow({ where: { orgId: a.ctx.orgId } });
    const second = await db.senderNumber.create({
      data: { id: newId("sender"), orgId: a.ctx.orgId, connectionId: connection.id, address: "ACME", kind: "ALPHANUMERIC", label: "Brand" },
    });
    const senders = await a.caller.messages.senders();
    expect(senders.map((s) => s.id)).toEqual([a.sender.id, second.id]);
    expect(senders[1]).toMatchObject({ address: "ACME", kind: "ALPHANUMERIC", label: "Brand", connection: { kind: "SIMULATOR" } });
    expect((await b.caller.messages.senders()).map((s) => s.id)).toEqual([b.sender.id]);
  });
});

describe("messages.send", () => {
  it("sends through the pipeline as the compose box, smart-encoded when asked, audited as the member", async () => {
    const message = await a.caller.messages.send({ to: "(415) 555-0142", body: "We’re “open” late", smartEncoding: true, marketing: false });
    expect(message).toMatchObject({ orgId: a.ctx.orgId, status: "QUEUED", to: "+14155550142", from: a.sender.address, body: `We're "open" late`, encoding: "GSM-7", marketing: false });
    expect(ids(await a.caller.messages.list({ limit: 1 }))).toEqual([message.id]);
    const got = await a.caller.messages.get({ id: message.id });
    expect(got.events.map((e) => [e.status, e.source])).toEqual([["QUEUED", "ui"]]);
    expect(await db.auditLog.findMany({ where: { targetId: message.id } })).toEqual([
      expect.objectContaining({ action: "message.sent", actorId: a.ctx.actor.id, changes: { from: a.sender.address, to: "+14155550142", transactional: true } }),
    ]);
  });

  it("schedules a message for later, which can then be canceled", async () => {
    const sendAt = new Date(Date.now() + 86_400_000);
    const message = await a.caller.messages.send({ to: "+14155550143", body: "Tomorrow", sendAt });
    expect(message).toMatchObject({ status: "SCHEDULED", sendAt });
    expect(await db.auditLog.findFirst({ where: { targetId: message.id } })).toMatchObject({ action: "message.scheduled" });
    expect(await a.caller.messages.cancel({ id: message.id })).toMatchObject({ status: "CANCELED" });
    const got = await a.caller.messages.get({ id: message.id });
    expect(got.events.map((e) => e.status)).toEqual(["SCHEDULED", "CANCELED"]);
  });

  it("refuses what the pipeline refuses, writing no message and no audit row", async () => {
    const before = { messages: await db.message.count(), audit: await db.auditLog.count() };
    await expectTRPCError(a.caller.messages.send({ to: "12", body: "Hi" }), "BAD_REQUEST");
    await expectTRPCError(a.caller.messages.send({ to: "+14155550144", from: b.sender.id, body: "Hi" }), "BAD_REQUEST");
    await expectTRPCError(a.caller.messages.send({ to: "+14155550144", body: "   " }), "BAD_REQUEST");
    expect({ messages: await db.message.count(), audit: await db.auditLog.count() }).toEqual(before);
  });
});
