// No event leaves for the job server while a database transaction is open, on any of the paths that
// write and then announce: a send, the dispatcher on the simulator, its receipts, webhooks, a Twilio
// StatusCallback, an inbound STOP (with its reply), a consent change through the API, a scheduled
// send coming due, a verification approved. Everything runs for real through the executor; every
// emit is recorded with whether a transaction was open at that moment, so an emit made inside one
// fails this test even where the error emitEvents throws for it would be caught and logged (the
// keyword reply, the dispatcher's coalescer).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setupAppHarness, waitUntil } from "../jobs/harness";

const emitted = vi.hoisted(() => [] as { names: string[]; inTransaction: boolean }[]);
vi.mock("@/lib/events/emit", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/events/emit")>();
  const { inTransaction } = await import("@/lib/db/after-commit");
  return {
    emitEvents: (events: Parameters<typeof real.emitEvents>[0]) => {
      const names = (Array.isArray(events) ? events : [events]).map((e) => e.name);
      emitted.push({ names, inTransaction: inTransaction() });
      return real.emitEvents(events);
    },
  };
});

const h = await setupAppHarness();
// Imported only now: the app's Inngest client and db read the environment when they are made.
const { functions } = await import("@/lib/jobs/functions");
const { twilioStatusCallbackJob, makeTwilioStatusCallbackJob } = await import("@/lib/jobs/twilio-status-callback");
const { createOrgWithOwner, orgContextFor } = await import("../helpers/factories");
const { sendMessages } = await import("@/lib/messaging/send-messages");
const { receiveMessage } = await import("@/lib/messaging/receive-message");
const { changeConsent } = await import("@/lib/contacts/change-consent");
const { startVerification } = await import("@/lib/verify/start-verification");
const { checkVerification } = await import("@/lib/verify/check-verification");
const { createEndpoint } = await import("@/lib/webhooks/manage-endpoints");
const { WEBHOOK_EVENT_TYPES } = await import("@/lib/webhooks/event-types");
const { startReceiver } = await import("../webhooks/receiver");
await h.serve([...functions.filter((f) => f !== twilioStatusCallbackJob), makeTwilioStatusCallbackJob({ allowPrivate: true })]);
const db = h.database.db;


const receiver = await startReceiver();
// StatusCallbacks are forms, not the webhook receiver's JSON.
const callbacks: URLSearchParams[] = [];
const callbackServer = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    callbacks.push(new URLSearchParams(Buffer.concat(chunks).toString()));
    res.writeHead(200).end();
  });
});
await new Promise<void>((resolve) => callbackServer.listen(0, "127.0.0.1", resolve));
const callbackUrl = `http://127.0.0.1:${(callbackServer.address() as AddressInfo).port}/status`;
afterAll(() => new Promise((resolve) => callbackServer.close(resolve)));
const { org, owner } = await createOrgWithOwner(db);
const ctx = await orgContextFor(db, owner, org.id);
const sender = await db.senderNumber.findFirstOrThrow({ where: { orgId: org.id } });

beforeAll(async () => {
  await db.carrierConnection.update({ where: { id: sender.connectionId }, data: { config: { deliveryDelayMs: 50, undeliveredRate: 0, failedRate: 0 } } });
  await createEndpoint(ctx, { url: receiver.url, eventTypes: [...WEBHOOK_EVENT_TYPES] });
});

const webhookTypes = () => receiver.requests.map((r) => r.json.type);

describe("emits after commit", { timeout: 60_000 }, () => {
  it("on every path that writes and then announces", async () => {
    // A send with a StatusCallback, dispatched to the simulator, sent and delivered by its receipts.
    const [sent] = await sendMessages(ctx, [{ to: "+14155550100", body: "Hello", statusCallback: callbackUrl }], "api");
    if (!sent?.ok) throw new Error("send refused");
    await waitUntil(async () => (await db.message.findUniqueOrThrow({ where: { id: sent.message.id } })).status === "DELIVERED", 20_000, "delivered");
    await waitUntil(async () => callbacks.length >= 2, 20_000, "two StatusCallbacks");
    expect(callbacks.map((form) => form.get("MessageStatus"))).toEqual(["sent", "delivered"]);

    // A scheduled send, then an inbound STOP (consent, canceled marketing, the keyword reply).
    const soon = new Date(Date.now() + 6_000).toISOString(); // beyond the 5 s within which a send time means now
    const [scheduled] = await sendMessages(ctx, [{ to: "+14155550101", body: "Later", sendAt: soon }], "api");
    if (!scheduled?.ok) throw new Error("scheduled send refused");
    await waitUntil(async () => (await db.message.findUniqueOrThrow({ where: { id: scheduled.message.id } })).status === "DELIVERED", 20_000, "scheduled delivered");
    await receiveMessage(db, sender.connectionId, { from: "+14155550100", to: sender.address, body: "STOP", media: [], receivedAt: new Date() });

    // Opted back in through the API, then a verification code approved.
    const contact = await db.contact.findFirstOrThrow({ where: { orgId: org.id, phone: "+14155550100" } });
    await changeConsent(ctx, { id: contact.id, kind: "OPT_IN" }, "api");
    await startVerification(ctx, { to: "+14155550102", channel: "sms" });
    const text = await db.message.findFirstOrThrow({ where: { orgId: org.id, to: "+14155550102" } });
    const code = text.body.match(/\b(\d{6})\b/)?.[1];
    expect((await checkVerification(ctx, { to: "+14155550102", code: code! })).status).toBe("APPROVED");

    await waitUntil(
      async () => ["contact.opted_out", "contact.opted_in", "verification.approved", "message.received"].every((t) => webhookTypes().includes(t)),
      20_000,
      "the webhooks of every path",
    );
    const names = new Set(emitted.flatMap((e) => e.names));
    for (const name of [
      "messages/dispatch.requested",
      "messages/scheduled",
      "simulator/receipts.due",
      "webhooks/deliver.requested",
      "twilio/status-callback.requested",
      "messages/received",
    ]) {
      expect(names, name).toContain(name);
    }
    expect(emitted.filter((e) => e.inTransaction)).toEqual([]);
  });
});
