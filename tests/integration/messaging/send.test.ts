import { beforeAll, describe, expect, it } from "vitest";
import { sendOne } from "@/lib/messaging/send-one";
import { sendMessages } from "@/lib/messaging/send-messages";
import type { OrgContext } from "@/lib/org-context";
import { setupTestDatabase } from "../helpers/db";
import { expectDomainError } from "../helpers/expect-error";
import { createOrgWithOwner, orgContextFor } from "../helpers/factories";

const { db } = await setupTestDatabase();

let ctx: OrgContext;
let senderAddress: string;

beforeAll(async () => {
  const { org, owner } = await createOrgWithOwner(db, { defaultCountry: "US" });
  ctx = await orgContextFor(db, owner, org.id);
  senderAddress = (await db.senderNumber.findFirstOrThrow({ where: { orgId: org.id } })).address;
});

const failure = (result: Awaited<ReturnType<typeof sendMessages>>[number]) => (result.ok ? null : { field: result.error.field, reason: result.error.reason });

describe("sendMessage", () => {
  it("queues the message from the org's first sender with its encoding, segments, price, history and a contact for the number", async () => {
    const body = "Your order is ready — pick up at the counter 😀"; // the emoji forces UCS-2
    const message = await sendOne(ctx, { to: "(415) 555-2671", body }, "ui");
    expect(message).toMatchObject({
      direction: "OUTBOUND",
      status: "QUEUED",
      from: senderAddress,
      to: "+14155552671",
      encoding: "UCS-2",
      segments: 1,
      priceMicros: 7_900,
      marketing: true,
    });
    const events = await db.messageEvent.findMany({ where: { messageId: message.id } });
    expect(events.map((e) => [e.status, e.source])).toEqual([["QUEUED", "ui"]]);
    const contact = await db.contact.findUniqueOrThrow({ where: { id: message.contactId! } });
    expect(contact).toMatchObject({ phone: "+14155552671", consentStatus: "OPTED_IN", timeZone: "America/Los_Angeles" });
  });

  it("writes single sends that arrive together as one batch, each with its own result", async () => {
    const tos = Array.from({ length: 20 }, (_, i) => `+1415555${String(3000 + i).padStart(4, "0")}`);
    const settled = await Promise.allSettled([
      ...tos.map((to) => sendOne(ctx, { to, body: `Hello ${to}` }, "api")),
      sendOne(ctx, { to: "not a number", body: "hi" }, "api"),
    ]);
    const sent = settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
    expect(sent.map((m) => m.to)).toEqual(tos);
    expect(settled.at(-1)).toMatchObject({ status: "rejected", reason: { field: "to", reason: "invalid_phone_number" } });
    // The first is written at once; the others arrive while it is and go in together: one
    // transaction, so one acceptance time (the database clock, read once per batch).
    const times = new Set(sent.map((m) => m.createdAt.getTime()));
    expect(times.size).toBeLessThanOrEqual(2);
    const stored = await db.message.findMany({ where: { to: { in: tos } } });
    expect(stored).toHaveLength(20);
  });

  it("prices by segment and applies smart encoding only when asked", async () => {
    const body = "“Sale” ends tonight – don’t miss it. ".repeat(5).trim();
    const plain = await sendOne(ctx, { to: "+14155552672", body }, "ui");
    const smart = await sendOne(ctx, { to: "+14155552672", body, smartEncoding: true }, "ui");
    expect(plain).toMatchObject({ encoding: "UCS-2", segments: 3, priceMicros: 3 * 7_900 });
    expect(smart).toMatchObject({ encoding: "GSM-7", segments: 2, priceMicros: 2 * 7_900 });
    expect(smart.body).toContain('"Sale" ends tonight - don\'t miss it.');
  });

  it("refuses bad input with the field and a stable reason, writing nothing", async () => {
    const before = await db.message.count();
    await expectDomainError(sendOne(ctx, { to: "not a number", body: "hi" }, "ui"), "BAD_REQUEST", "to");
    await expectDomainError(sendOne(ctx, { to: "+14155550123", from: "+19998887777", body: "hi" }, "ui"), "BAD_REQUEST", "from");
    await expectDomainError(sendOne(ctx, { to: "+14155550123", body: "  " }, "ui"), "BAD_REQUEST", "body");
    await expectDomainError(sendOne(ctx, { to: "+14155550123", body: "x".repeat(1_601) }, "ui"), "BAD_REQUEST", "body");
    await expectDomainError(sendOne(ctx, { to: "+14155550123", body: "later", sendAt: new Date(Date.now() - 3_600_000) }, "ui"), "BAD_REQUEST", "sendAt");
    await expectDomainError(
      sendOne(ctx, { to: "+14155550123", body: "pic", mediaIds: ["med_0000000000000000000000zz"] }, "ui"),
      "BAD_REQUEST",
      "mediaIds",
    );
    expect(await db.message.count()).toBe(before);
  });

  it("returns per-item results for a batch: good items are queued, bad ones say why", async () => {
    const results = await sendMessages(
      ctx,
      [
        { to: "+14155550101", body: "one" },
        { to: "12", body: "two" },
        { to: "+14155550103", body: "three", unexpected: true } as never,
        { to: "+14155550104", body: "four", marketing: false },
      ],
      "api",
    );
    expect(results.map((r) => r.ok)).toEqual([true, false, false, true]);
    expect(failure(results[1]!)).toEqual({ field: "to", reason: "invalid_phone_number" });
    expect(failure(results[2]!)).toEqual({ field: "unexpected", reason: "unknown_parameter" });
  });

  it("refuses more than 1,000 messages in one batch", async () => {
    const many = Array.from({ length: 1_001 }, () => ({ to: "+14155550101", body: "x" }));
    await expectDomainError(sendMessages(ctx, many, "api"), "BAD_REQUEST", "messages");
  });

  it("schedules a message with a future send time", async () => {
    const sendAt = new Date(Date.now() + 3_600_000);
    const message = await sendOne(ctx, { to: "+14155550105", body: "tomorrow", sendAt }, "ui");
    expect(message).toMatchObject({ status: "SCHEDULED", sendAt, nextAttemptAt: sendAt });
  });
});

describe("idempotency keys", () => {
  it("gives the same message for the same key, never a second one, also within one batch", async () => {
    const first = await sendOne(ctx, { to: "+14155550111", body: "once", idempotencyKey: "order-1" }, "api");
    const again = await sendOne(ctx, { to: "+14155550111", body: "once", idempotencyKey: "order-1" }, "api");
    expect(again.id).toBe(first.id);
    const batch = await sendMessages(
      ctx,
      [
        { to: "+14155550112", body: "a", idempotencyKey: "order-2" },
        { to: "+14155550112", body: "a", idempotencyKey: "order-2" },
      ],
      "api",
    );
    expect(batch.map((r) => r.ok && r.duplicate)).toEqual([false, true]);
    expect(await db.message.count({ where: { idempotencyKey: { in: ["order-1", "order-2"] } } })).toBe(2);
  });

  it("makes exactly one message when ten sends with one key race", async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () => sendOne(ctx, { to: "+14155550113", body: "race", idempotencyKey: "race-key" }, "api")),
    );
    expect(new Set(results.map((m) => m.id)).size).toBe(1);
    expect(await db.message.count({ where: { idempotencyKey: "race-key" } })).toBe(1);
    expect(await db.messageEvent.count({ where: { messageId: results[0]!.id } })).toBe(1);
  });

  it("keeps keys per organisation", async () => {
    const other = await createOrgWithOwner(db);
    const otherCtx = await orgContextFor(db, other.owner, other.org.id);
    const mine = await sendOne(ctx, { to: "+14155550114", body: "x", idempotencyKey: "shared-key" }, "api");
    const theirs = await sendOne(otherCtx, { to: "+14155550114", body: "x", idempotencyKey: "shared-key" }, "api");
    expect(theirs.id).not.toBe(mine.id);
    expect(theirs.orgId).toBe(other.org.id);
  });
});

describe("opt-outs at send time", () => {
  it("refuses marketing to a contact who opted out but lets transactional messages through", async () => {
    await db.contact.create({
      data: { id: "ct_optedout0000000000000001", orgId: ctx.orgId, phone: "+14155550120", consentStatus: "OPTED_OUT", optedOutAt: new Date() },
    });
    const refused = await expectDomainError(sendOne(ctx, { to: "+14155550120", body: "Sale!" }, "ui"), "BAD_REQUEST", "to");
    expect(refused.reason).toBe("recipient_unsubscribed");
    const code = await sendOne(ctx, { to: "+14155550120", body: "Your code is 123456", marketing: false }, "api");
    expect(code.status).toBe("QUEUED");
  });
});

describe("MMS", () => {
  const asset = (size: number) =>
    db.mediaAsset.create({
      data: { id: `med_${Math.random().toString(36).slice(2, 12).padEnd(24, "0")}`, orgId: ctx.orgId, storageKey: `k/${Math.random()}`, contentType: "image/png", size, sha256: "x" },
    });

  it("queues a picture message at the MMS price, and refuses media past 5 MB in all, naming the field", async () => {
    const small = await asset(200_000);
    const mms = await sendOne(ctx, { to: "+14155550130", body: "Our new menu", mediaIds: [small.id] }, "ui");
    expect(mms).toMatchObject({ mediaIds: [small.id], segments: 1, priceMicros: 20_000 });
    const big = [await asset(3_000_000), await asset(3_000_000)];
    const refused = await expectDomainError(sendOne(ctx, { to: "+14155550130", body: "too big", mediaIds: big.map((m) => m.id) }, "ui"), "BAD_REQUEST", "mediaIds");
    expect(refused.reason).toBe("media_too_large");
  });
});
