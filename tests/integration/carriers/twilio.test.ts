// The Twilio carrier: the adapter against a local stub of Twilio's Messages API, and the two webhook
// routes (status callbacks, inbound texts) against a real database, signed with twilio's own helper.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import twilio from "twilio";
import { afterAll, describe, expect, it } from "vitest";
import type { CarrierSink, OutboundMessage } from "@/lib/carriers/carrier";
import { createTwilioAdapter } from "@/lib/carriers/twilio/twilio-adapter";
import { newId } from "@/lib/ids";
import { startTwilioStub } from "../../support/twilio-stub";
import { databaseUrl, setupTestDatabase, withSchema } from "../helpers/db";

const { db, schema } = await setupTestDatabase();

// Events the routes send (INNGEST_DEV mode posts them to /e/<key>), collected here.
const events: { name: string; data: Record<string, unknown> }[] = [];
const eventSink = createServer(async (request, response) => {
  let body = "";
  for await (const chunk of request) body += chunk;
  events.push(...[JSON.parse(body)].flat());
  response.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ ids: ["evt_1"], status: 200 }));
});
await new Promise<void>((resolve) => eventSink.listen(0, "127.0.0.1", resolve));
afterAll(() => new Promise((resolve) => eventSink.close(resolve)));

// The routes use the app's one client (lib/db.ts), made from DATABASE_URL when first imported: point
// it at this file's schema before importing them.
process.env.DATABASE_URL = withSchema(databaseUrl(), schema);
process.env.INNGEST_DEV = `http://127.0.0.1:${(eventSink.address() as AddressInfo).port}`;
const { POST: statusPOST } = await import("@/app/api/carriers/twilio/[connectionId]/status/route");
const { POST: inboundPOST } = await import("@/app/api/carriers/twilio/[connectionId]/inbound/route");
const { createOrgWithOwner } = await import("../helpers/factories");

const ACCOUNT = { accountSid: `AC${"0123456789abcdef".repeat(2)}`, authToken: "stub-auth-token-1" };
const APP_URL = "http://localhost:3000"; // vitest.config.ts
const noSink: CarrierSink = {
  receipts: () => Promise.reject(new Error("Twilio receipts come by webhook")),
  inbound: () => Promise.reject(new Error("Twilio inbound texts come by webhook")),
};

const stub = await startTwilioStub(ACCOUNT);
afterAll(() => stub.close());

function outbound(to: string, overrides: Partial<OutboundMessage> = {}): OutboundMessage {
  return { id: newId("message"), from: "+15005550006", to, body: "Your order is ready", encoding: "GSM-7", media: [], ...overrides };
}

describe("the Twilio adapter", () => {
  const adapter = createTwilioAdapter("conn_tw1", { ...ACCOUNT, baseUrl: stub.baseUrl }, noSink);

  it("sends texts and media with the account's credentials and a status callback for the connection", async () => {
    const media = [
      { url: "https://media.example.test/a.jpg", contentType: "image/jpeg", size: 1000 },
      { url: "https://media.example.test/b.png", contentType: "image/png", size: 2000 },
    ];
    const outcomes = await adapter.submit([outbound("+14155550101"), outbound("+14155550102", { body: "Look!", media })]);

    const sent = stub.requests.filter((r) => ["+14155550101", "+14155550102"].includes(r.form.get("To")!));
    expect(sent).toHaveLength(2);
    for (const request of sent) {
      expect(request).toMatchObject({ method: "POST", path: `/2010-04-01/Accounts/${ACCOUNT.accountSid}/Messages.json`, auth: { username: ACCOUNT.accountSid, password: ACCOUNT.authToken } });
      expect(request.form.get("From")).toBe("+15005550006");
      expect(request.form.get("StatusCallback")).toBe(`${APP_URL}/api/carriers/twilio/conn_tw1/status`);
    }
    const [text, mms] = ["+14155550101", "+14155550102"].map((to) => sent.find((r) => r.form.get("To") === to)!);
    expect(text!.form.get("Body")).toBe("Your order is ready");
    expect(text!.form.getAll("MediaUrl")).toEqual([]);
    expect(mms!.form.get("Body")).toBe("Look!");
    expect(mms!.form.getAll("MediaUrl")).toEqual(["https://media.example.test/a.jpg", "https://media.example.test/b.png"]);

    expect(outcomes).toEqual([
      { ok: true, carrierMessageId: expect.stringMatching(/^SM[0-9a-f]{32}$/), partIds: [expect.any(String)] },
      { ok: true, carrierMessageId: expect.stringMatching(/^MM[0-9a-f]{32}$/), partIds: [expect.any(String)] },
    ]);
    for (const outcome of outcomes) if (outcome.ok) expect(outcome.partIds).toEqual([outcome.carrierMessageId]);
  });

  it("answers a batch with one outcome per message, in order, whatever each one's fate", async () => {
    const numbers = Array.from({ length: 12 }, (_, i) => `+1415555${String(2000 + i)}`);
    stub.script(numbers[3]!, { status: 400, code: 21211, message: "The 'To' number is not a valid phone number." });
    stub.script(numbers[8]!, { status: 429, code: 20429, message: "Too Many Requests" });
    const outcomes = await adapter.submit(numbers.map((to) => outbound(to)));

    expect(outcomes.map((o) => (o.ok ? "ok" : o.code))).toEqual(numbers.map((_, i) => (i === 3 ? "21211" : i === 8 ? "20429" : "ok")));
    const sidByTo = new Map<string, string>();
    for (const [i, outcome] of outcomes.entries()) if (outcome.ok) sidByTo.set(numbers[i]!, outcome.carrierMessageId);
    expect(new Set(sidByTo.values()).size).toBe(10);
    // Each outcome is the answer to its own message's request, not a neighbour's.
    expect(stub.requests.filter((r) => numbers.includes(r.form.get("To")!))).toHaveLength(12);
  });

  it.each([
    { status: 429, code: 20429, message: "Too Many Requests", retryable: true },
    { status: 503, code: 20503, message: "Service Unavailable", retryable: true },
    { status: 400, code: 21211, message: "The 'To' number +1415 is not a valid phone number.", retryable: false },
    { status: 400, code: 21614, message: "'To' number is not a valid mobile number", retryable: false },
    { status: 400, code: 21610, message: "Attempt to send to unsubscribed recipient", retryable: false },
    // Twilio failed while handling it: it may have created the message.
    { status: 500, code: 20500, message: "Internal Server Error", retryable: false },
  ])("maps Twilio's $status/$code to retryable=$retryable with its code and message", async ({ status, code, message, retryable }) => {
    const to = `+1415555${3000 + code % 1000}`;
    stub.script(to, { status, code, message });
    expect(await adapter.submit([outbound(to)])).toEqual([{ ok: false, retryable, code: String(code), message }]);
  });

  it("does not retry a refusal of its credentials", async () => {
    const wrong = createTwilioAdapter("conn_tw1", { ...ACCOUNT, authToken: "not-the-token", baseUrl: stub.baseUrl }, noSink);
    expect(await wrong.submit([outbound("+14155554001")])).toEqual([{ ok: false, retryable: false, code: "20003", message: "Authenticate" }]);
  });

  it("never retries once the request was sent and no answer came (it may have been accepted)", async () => {
    stub.script("+14155554002", "hang-up");
    const [outcome] = await adapter.submit([outbound("+14155554002")]);
    expect(outcome).toMatchObject({ ok: false, retryable: false });
    expect(stub.requests.filter((r) => r.form.get("To") === "+14155554002")).toHaveLength(1);
  });

  it("retries when Twilio could not be reached at all", async () => {
    const closed = await startTwilioStub(ACCOUNT);
    await closed.close();
    const unreachable = createTwilioAdapter("conn_tw1", { ...ACCOUNT, baseUrl: closed.baseUrl }, noSink);
    expect(await unreachable.submit([outbound("+14155554003")])).toEqual([
      { ok: false, retryable: true, code: "ECONNREFUSED", message: expect.stringContaining("Twilio not reached") },
    ]);
  });
});

// ─── Webhooks ────────────────────────────────────────────────────────────────────────────────────

const { org } = await createOrgWithOwner(db);
const connection = await db.carrierConnection.create({
  data: { id: newId("connection"), orgId: org.id, name: "Twilio", kind: "TWILIO", config: ACCOUNT },
});
const sender = await db.senderNumber.create({
  data: { id: newId("sender"), orgId: org.id, connectionId: connection.id, address: "+15005550006" },
});
const simulator = await db.carrierConnection.create({
  data: { id: newId("connection"), orgId: org.id, name: "Simulator", kind: "SIMULATOR", config: {} },
});

const messageSid = () => `SM${newId("message").slice(4).padEnd(32, "0").replace(/[^0-9a-f]/g, "a")}`;

/** A Twilio webhook as Twilio posts it: a form, signed over APP_URL + path with the auth token. */
function twilioPost(path: string, fields: Record<string, string>, options: { authToken?: string | null; sign?: Record<string, string> } = {}) {
  const authToken = options.authToken === undefined ? ACCOUNT.authToken : options.authToken;
  const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded" };
  if (authToken !== null) headers["X-Twilio-Signature"] = twilio.getExpectedTwilioSignature(authToken, APP_URL + path, options.sign ?? fields);
  // Behind a proxy the request's own URL is not the public one; the signature is over the public one.
  return new Request(`http://10.0.0.7:3000${path}`, { method: "POST", headers, body: new URLSearchParams(fields) });
}

const routeParams = (connectionId: string) => ({ params: Promise.resolve({ connectionId }) });

function postStatus(fields: Record<string, string>, options?: Parameters<typeof twilioPost>[2], connectionId = connection.id) {
  return statusPOST(twilioPost(`/api/carriers/twilio/${connectionId}/status`, fields, options), routeParams(connectionId));
}

function postInbound(fields: Record<string, string>, options?: Parameters<typeof twilioPost>[2], connectionId = connection.id) {
  return inboundPOST(twilioPost(`/api/carriers/twilio/${connectionId}/inbound`, fields, options), routeParams(connectionId));
}

/** An outbound message Twilio accepted as `sid`, as the dispatcher leaves it. */
async function submittedMessage(sid: string) {
  const message = await db.message.create({
    data: {
      id: newId("message"), orgId: org.id, direction: "OUTBOUND", status: "SENT", senderId: sender.id,
      from: sender.address, to: "+14155550199", body: "Hi", encoding: "GSM7", segments: 1, carrierMessageId: sid,
    },
  });
  await db.messageSubmission.create({ data: { connectionId: connection.id, carrierMessageId: sid, messageId: message.id, part: 0 } });
  return message;
}

const statusOf = async (id: string) => (await db.message.findUniqueOrThrow({ where: { id }, select: { status: true, errorCode: true } }));
const callback = (sid: string, status: string, extra: Record<string, string> = {}) => ({
  AccountSid: ACCOUNT.accountSid, MessageSid: sid, SmsSid: sid, MessageStatus: status, SmsStatus: status,
  From: sender.address, To: "+14155550199", ApiVersion: "2010-04-01", ...extra,
});

describe("Twilio's status callback", () => {
  it("records delivered and undelivered receipts, with Twilio's error code, in the message's history", async () => {
    const delivered = await submittedMessage(messageSid());
    const undelivered = await submittedMessage(messageSid());

    const ok = await postStatus(callback(delivered.carrierMessageId!, "delivered", { ErrorCode: "0" }));
    expect(ok.status).toBe(204);
    expect((await postStatus(callback(undelivered.carrierMessageId!, "undelivered", { ErrorCode: "30003" }))).status).toBe(204);

    expect(await statusOf(delivered.id)).toEqual({ status: "DELIVERED", errorCode: null });
    expect(await statusOf(undelivered.id)).toEqual({ status: "UNDELIVERED", errorCode: "30003" });
    const events = await db.messageEvent.findMany({ where: { messageId: { in: [delivered.id, undelivered.id] } }, select: { messageId: true, status: true, errorCode: true, source: true } });
    expect(events).toEqual(expect.arrayContaining([
      { messageId: delivered.id, status: "DELIVERED", errorCode: null, source: "carrier" },
      { messageId: undelivered.id, status: "UNDELIVERED", errorCode: "30003", source: "carrier" },
    ]));
  });

  it("keeps a receipt for a sid not recorded yet, and ignores statuses that are not receipts", async () => {
    const early = messageSid();
    expect((await postStatus(callback(early, "sent"))).status).toBe(204);
    const message = await submittedMessage(messageSid());
    for (const status of ["queued", "sending", "accepted"]) {
      expect((await postStatus(callback(message.carrierMessageId!, status))).status).toBe(204);
    }
    expect(await db.pendingReceipt.findMany({ where: { connectionId: connection.id }, select: { carrierMessageId: true, status: true } })).toEqual([
      { carrierMessageId: early, status: "SENT" },
    ]);
    expect(await statusOf(message.id)).toEqual({ status: "SENT", errorCode: null });
    expect(await db.messageEvent.count({ where: { messageId: message.id } })).toBe(0);
  });

  it("refuses a missing, wrong or tampered signature with 403 and writes nothing", async () => {
    const message = await submittedMessage(messageSid());
    const fields = callback(message.carrierMessageId!, "failed", { ErrorCode: "30008" });
    const refused = [
      await postStatus(fields, { authToken: null }),
      await postStatus(fields, { authToken: "another-accounts-token" }),
      await postStatus(fields, { sign: { ...fields, MessageStatus: "delivered" } }),
    ];
    for (const response of refused) {
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ error: expect.stringContaining("X-Twilio-Signature") });
    }
    expect(await statusOf(message.id)).toEqual({ status: "SENT", errorCode: null });
    expect(await db.pendingReceipt.count({ where: { carrierMessageId: message.carrierMessageId! } })).toBe(0);
  });

  it("answers 404 for an unknown connection or one that is not Twilio's", async () => {
    const fields = callback(messageSid(), "delivered");
    for (const connectionId of ["conn_missing", simulator.id]) {
      const response = await postStatus(fields, {}, connectionId);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: expect.any(String) });
    }
    expect(await db.pendingReceipt.count({ where: { carrierMessageId: fields.MessageSid } })).toBe(0);
  });

  it("refuses a signed form that is not a status callback with 400", async () => {
    const response = await postStatus({ MessageSid: "not-a-sid", MessageStatus: "delivered" });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: expect.stringContaining("MessageSid") });
  });
});

describe("Twilio's inbound message webhook", () => {
  const inbound = (fields: Record<string, string>) => ({
    AccountSid: ACCOUNT.accountSid, MessageSid: messageSid(), SmsSid: "", From: "+14155550142", To: sender.address,
    Body: "Do you have oat milk?", NumMedia: "0", NumSegments: "1", ApiVersion: "2010-04-01", ...fields,
  });

  it("stores the text as received and answers with empty TwiML", async () => {
    const fields = inbound({ NumMedia: "1", MediaUrl0: `https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT.accountSid}/Messages/MM1/Media/ME1`, MediaContentType0: "image/jpeg" });
    const response = await postInbound(fields);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/xml");
    expect(await response.text()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');

    const stored = await db.message.findMany({ where: { carrierMessageId: fields.MessageSid } });
    expect(stored).toEqual([expect.objectContaining({ orgId: org.id, direction: "INBOUND", status: "RECEIVED", from: "+14155550142", to: sender.address, senderId: sender.id, body: "Do you have oat milk?" })]);
    expect(events).toContainEqual(expect.objectContaining({ name: "messages/received", data: expect.objectContaining({ messageId: stored[0]!.id }) }));
  });

  it("refuses a bad or missing signature with 403 and stores nothing", async () => {
    const fields = inbound({ Body: "STOP" });
    expect((await postInbound(fields, { authToken: null })).status).toBe(403);
    expect((await postInbound(fields, { authToken: "another-accounts-token" })).status).toBe(403);
    expect(await db.message.count({ where: { carrierMessageId: fields.MessageSid } })).toBe(0);
    expect(await db.consentEvent.count({ where: { orgId: org.id } })).toBe(0);
  });

  it("answers 404 for an unknown connection, a non-Twilio one, or a number the connection does not have", async () => {
    expect((await postInbound(inbound({}), {}, "conn_missing")).status).toBe(404);
    expect((await postInbound(inbound({}), {}, simulator.id)).status).toBe(404);
    const elsewhere = inbound({ To: "+15005550999" });
    const response = await postInbound(elsewhere);
    expect(response.status).toBe(404);
    expect(await db.message.count({ where: { carrierMessageId: elsewhere.MessageSid } })).toBe(0);
  });
});
