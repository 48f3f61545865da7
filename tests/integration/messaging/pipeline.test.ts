// The whole path through the real job executor and the real SDK: send -> dispatcher -> simulator ->
// receipts, as `npm start` runs it. The app's own functions (lib/jobs/functions.ts) are served, with
// the app's Inngest client pointed at this file's executor and the app's db at this file's schema.
import { beforeAll, describe, expect, it } from "vitest";
import type { OrgContext } from "@/lib/org-context";
import { setupAppHarness, waitUntil } from "../jobs/harness";

const h = await setupAppHarness();
// Imported only now: the app's Inngest client reads INNGEST_DEV when it is made.
const { functions } = await import("@/lib/jobs/functions");
const { createOrgWithOwner, orgContextFor } = await import("../helpers/factories");
const { sendMessages } = await import("@/lib/messaging/send-messages");
const { createSimulatorAdapter } = await import("@/lib/simulator/simulator-adapter");
await h.serve(functions);
const db = h.database.db;


let ctx: OrgContext;
let sender: { id: string; connectionId: string };

beforeAll(async () => {
  const { org, owner } = await createOrgWithOwner(db);
  ctx = await orgContextFor(db, owner, org.id);
  sender = await db.senderNumber.findFirstOrThrow({ where: { orgId: org.id } });
});

async function simulate(config: { deliveryDelayMs: number; undeliveredRate: number; failedRate: number }, throughput = 1_000) {
  await db.carrierConnection.update({ where: { id: sender.connectionId }, data: { config } });
  await db.senderNumber.update({ where: { id: sender.id }, data: { throughput } });
}

const phones = (count: number, base: number) => Array.from({ length: count }, (_, i) => `+1303555${String(base + i).padStart(4, "0")}`);

async function waitForStatus(ids: string[], statuses: string[], timeoutMs = 60_000) {
  return waitUntil(
    async () => {
      const rows = await db.message.findMany({ where: { id: { in: ids } } });
      return rows.every((r) => statuses.includes(r.status)) ? rows : undefined;
    },
    timeoutMs,
    `${ids.length} messages to be ${statuses.join("/")}`,
  );
}

async function send(to: string[], extra: Record<string, unknown> = {}) {
  const results = await sendMessages(ctx, to.map((phone) => ({ to: phone, body: `Hello ${phone}`, ...extra })), "api");
  return results.map((r) => {
    if (!r.ok) throw r.error;
    return r.message.id;
  });
}

describe("the message pipeline on the simulator", { timeout: 90_000 }, () => {
  it("takes a batch from queued to delivered, with every status change in each message's history", async () => {
    await simulate({ deliveryDelayMs: 100, undeliveredRate: 0, failedRate: 0 });
    const ids = await send(phones(150, 0));
    const rows = await waitForStatus(ids, ["DELIVERED"]);
    expect(rows.every((r) => r.sentAt && r.deliveredAt && r.carrierMessageId?.startsWith("SM"))).toBe(true);
    const history = await db.messageEvent.findMany({ where: { messageId: ids[0] }, orderBy: { id: "asc" } });
    expect(history.map((e) => [e.status, e.source])).toEqual([
      ["QUEUED", "api"],
      ["SENDING", "dispatcher"],
      ["SENT", "carrier"],
      ["DELIVERED", "carrier"],
    ]);
    expect(await db.messageSubmission.count({ where: { messageId: { in: ids } } })).toBe(150);
  });

  it("has the simulator report receipts only for a submit the dispatcher has recorded, never before", async () => {
    // A receipt that overtook its submit would wait as a PendingReceipt: a real network reports only
    // what it acknowledged, and the simulator (in this process) can keep that order.
    const receiptEvents = async () =>
      (await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "JobEvent" WHERE name = 'simulator/receipts.due'`)[0]!.n;
    const adapter = createSimulatorAdapter(sender.connectionId, { deliveryDelayMs: 60_000, undeliveredRate: 0, failedRate: 0 });
    const before = await receiptEvents();
    const message = { id: "msg_test", from: "+13035550100", to: "+13035550199", body: "Hi", encoding: "GSM-7" as const, media: [] };
    const outcomes = await adapter.submit([message, { ...message, id: "msg_test2" }]);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(await receiptEvents()).toBe(before);
    await adapter.recorded!(outcomes);
    expect(await receiptEvents()).toBe(before + 1);
  });

  it("reports undelivered and failed messages with the carrier's codes", async () => {
    await simulate({ deliveryDelayMs: 0, undeliveredRate: 1, failedRate: 0 });
    const undelivered = await waitForStatus(await send(phones(5, 200)), ["UNDELIVERED"]);
    expect(undelivered.every((m) => ["30003", "30005", "30006"].includes(m.errorCode!) && m.errorMessage)).toBe(true);
    await simulate({ deliveryDelayMs: 0, undeliveredRate: 0, failedRate: 1 });
    const failed = await waitForStatus(await send(phones(5, 300)), ["FAILED"]);
    expect(failed.every((m) => ["30007", "30008"].includes(m.errorCode!))).toBe(true);
  });

  it("holds the sender's throughput: no second has more messages submitted than it allows", async () => {
    await simulate({ deliveryDelayMs: 0, undeliveredRate: 0, failedRate: 0 }, 20);
    const ids = await send(phones(60, 400));
    const rows = await waitForStatus(ids, ["DELIVERED"]);
    const times = rows.map((r) => r.sentAt!.getTime()).sort((a, b) => a - b);
    const busiest = Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 1_000).length));
    expect(busiest).toBeLessThanOrEqual(20);
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(2_000);
  });

  it("sends a scheduled message at its time, and never one cancelled before then", async () => {
    await simulate({ deliveryDelayMs: 0, undeliveredRate: 0, failedRate: 0 });
    const sendAt = new Date(Date.now() + 6_000).toISOString();
    const [kept, cancelled] = await send(phones(2, 500), { sendAt });
    await db.message.update({ where: { id: cancelled }, data: { status: "CANCELED" } });
    const [row] = await waitForStatus([kept!], ["DELIVERED"]);
    expect(row!.sentAt!.getTime()).toBeGreaterThanOrEqual(new Date(sendAt).getTime());
    expect((await db.message.findUniqueOrThrow({ where: { id: cancelled } })).status).toBe("CANCELED");
  });

  it("does not send queued marketing to someone who opted out after it was queued", async () => {
    await simulate({ deliveryDelayMs: 0, undeliveredRate: 0, failedRate: 0 }, 1);
    const ids = await send(phones(3, 600));
    // The sender sends one a second: opt the last recipient out while the first goes.
    const last = await db.message.findUniqueOrThrow({ where: { id: ids[2] } });
    await db.contact.update({ where: { id: last.contactId! }, data: { consentStatus: "OPTED_OUT" } });
    const rows = await waitForStatus(ids, ["DELIVERED", "FAILED"]);
    expect(rows.find((r) => r.id === ids[2])).toMatchObject({ status: "FAILED", errorCode: "21610" });
  });
});
