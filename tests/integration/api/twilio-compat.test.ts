// The Twilio-compatible Messages API driven by the official `twilio` client, unchanged but for
// `client.api.baseUrl`, against the route handlers served by a plain node HTTP server on loopback;
// the status callback goes through the real job executor to a local receiver that checks it with
// twilio.validateRequest.
import { execFile } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import twilio from "twilio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupAppHarness, waitUntil } from "../jobs/harness";

const h = await setupAppHarness();
// Imported only now: the app's db and Inngest client read the environment when they are made.
const collection = await import("@/app/2010-04-01/Accounts/[accountSid]/Messages.json/route");
const one = await import("@/app/2010-04-01/Accounts/[accountSid]/Messages/[sid]/route");
const { makeTwilioStatusCallbackJob } = await import("@/lib/jobs/twilio-status-callback");
const { applyStatusChanges } = await import("@/lib/messaging/message-history");
const { messageIdOfSid } = await import("@/lib/twilio-api/message-sid");
const { twilioAuthToken } = await import("@/lib/twilio-api/auth-token");
const { signedMediaUrl } = await import("@/lib/media/media-url");
const { createOrgWithOwner, callerFor } = await import("../helpers/factories");
const { createTestApiKey } = await import("../helpers/api");
const { newId } = await import("@/lib/ids");
const { twilioExample } = await import("@/components/docs/twilio-example");
await h.serve([makeTwilioStatusCallbackJob({ allowPrivate: true })]);
const db = h.database.db;

type Route = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Node request -> the route handler Next.js would pick -> node response. */
function serveRoutes(): http.Server {
  return http.createServer(async (req, res) => {
    const url = new URL(req.url!, `http://${req.headers.host}`);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const many = url.pathname.match(/^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/);
    const single = url.pathname.match(/^\/2010-04-01\/Accounts\/([^/]+)\/Messages\/([^/]+)$/);
    const handlers = (many ? collection : single ? one : {}) as Record<string, Route | undefined>;
    const handler = handlers[req.method!];
    if (!handler) {
      res.writeHead(404).end();
      return;
    }
    const params: Record<string, string> = many ? { accountSid: many[1]! } : { accountSid: single![1]!, sid: decodeURIComponent(single![2]!) };
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    const body = chunks.length ? Buffer.concat(chunks) : undefined;
    const response = await handler(new Request(url, { method: req.method, headers, body }), { params: Promise.resolve(params) });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
}

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const api = serveRoutes();
const baseUrl = await listen(api);
const received: { url: string; signature: string; params: Record<string, string> }[] = [];
const receiver = http.createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  received.push({ url: req.url!, signature: String(req.headers["x-twilio-signature"]), params: Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString())) });
  res.writeHead(200).end("ok");
});
const receiverUrl = await listen(receiver);

afterAll(async () => {
  for (const server of [api, receiver]) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const clientFor = (user: string, password: string, accountSid: string) => {
  const client = twilio(user, password, { accountSid });
  client.api.baseUrl = baseUrl;
  return client;
};

let orgA: { id: string; accountSid: string };
let orgB: { id: string; accountSid: string };
let tokenA: string;
let keyIdA: string;
let readerA: string;
let tokenB: string;
let senderA: string;
let client: ReturnType<typeof twilio>;
let mediaId: string;

beforeAll(async () => {
  const a = await createOrgWithOwner(db, { defaultCountry: "US" });
  const b = await createOrgWithOwner(db, { defaultCountry: "US" });
  orgA = a.org;
  orgB = b.org;
  const key = await createTestApiKey(db, orgA.id, ["messages:send", "messages:read"]);
  tokenA = key.token;
  keyIdA = key.key.id;
  readerA = (await createTestApiKey(db, orgA.id, ["messages:read"])).token;
  tokenB = (await createTestApiKey(db, orgB.id, ["messages:send", "messages:read"])).token;
  senderA = (await db.senderNumber.findFirstOrThrow({ where: { orgId: orgA.id } })).address;
  mediaId = newId("media");
  await db.mediaAsset.create({ data: { id: mediaId, orgId: orgA.id, storageKey: `${orgA.id}/${mediaId}.png`, contentType: "image/png", size: 2_048, sha256: "0".repeat(64) } });
  client = clientFor(orgA.accountSid, tokenA, orgA.accountSid);
});

/** The RestException the client throws, as its fields. */
async function failure(promise: Promise<unknown>) {
  const error = (await promise.then(() => null, (e: unknown) => e)) as { status: number; code: number; message: string; moreInfo: string } | null;
  expect(error, "the call should have failed").not.toBeNull();
  return { status: error!.status, code: error!.code, message: error!.message, moreInfo: error!.moreInfo };
}

describe("sending and fetching through the official client", () => {
  it("sends with MediaUrl pointing at our media and answers in Twilio's shape", async () => {
    const message = await client.messages.create({ to: "+14155552671", body: "Your table is ready", mediaUrl: [signedMediaUrl(mediaId, 600)] });
    expect(message.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(message).toMatchObject({
      accountSid: orgA.accountSid,
      apiVersion: "2010-04-01",
      from: senderA,
      to: "+14155552671",
      body: "Your table is ready",
      status: "queued",
      direction: "outbound-api",
      numSegments: "1",
      numMedia: "1",
      price: null,
      errorCode: null,
      uri: `/2010-04-01/Accounts/${orgA.accountSid}/Messages/${message.sid}.json`,
    });
    expect(message.dateCreated).toBeInstanceOf(Date);
    expect(Math.abs(message.dateCreated.getTime() - Date.now())).toBeLessThan(60_000);
    const stored = await db.message.findUniqueOrThrow({ where: { id: messageIdOfSid(message.sid)! } });
    expect(stored).toMatchObject({ orgId: orgA.id, mediaIds: [mediaId], status: "QUEUED" });
    expect((await db.messageEvent.findFirstOrThrow({ where: { messageId: stored.id } })).source).toBe("api");
  });

  it("fetches a message by sid, with a key id as user too", async () => {
    const sent = await client.messages.create({ to: "+14155552672", body: "Fetch me" });
    const byKeyId = clientFor(keyIdA, tokenA, orgA.accountSid);
    const fetched = await byKeyId.messages(sent.sid).fetch();
    expect(fetched).toMatchObject({ sid: sent.sid, body: "Fetch me", status: "queued", to: "+14155552672" });
  });

  it("sends Body as written, braces and all, as Twilio does (no merge fields)", async () => {
    await db.contact.create({ data: { id: newId("contact"), orgId: orgA.id, phone: "+14155552690", firstName: "Ada" } });
    const sent = await client.messages.create({ to: "+14155552690", body: "Hi {{first_name}} {{frist_name}}" });
    expect(sent.body).toBe("Hi {{first_name}} {{frist_name}}");
  });

  it("lists with a To filter and pages by next_page_uri", async () => {
    const to = "+14155553000";
    const sids: string[] = [];
    for (let i = 0; i < 5; i++) sids.push((await client.messages.create({ to, body: `Page test ${i}` })).sid);
    const all = await client.messages.list({ to, pageSize: 2 });
    expect(all.map((m) => m.sid)).toEqual([...sids].reverse());

    const first = await client.messages.page({ to, pageSize: 2 });
    expect(first.instances.map((m) => m.sid)).toEqual([sids[4], sids[3]]);
    const second = await first.nextPage();
    expect(second!.instances.map((m) => m.sid)).toEqual([sids[2], sids[1]]);
    const third = await second!.nextPage();
    expect(third!.instances.map((m) => m.sid)).toEqual([sids[0]]);
    expect(await third!.nextPage()).toBeUndefined();

    const limited = await client.messages.list({ to, limit: 3 });
    expect(limited).toHaveLength(3);
    expect(await client.messages.list({ to, dateSentBefore: new Date(Date.now() - 86_400_000) })).toEqual([]);
  });

  it("gives the page fields Twilio gives", async () => {
    const to = "+14155553000";
    const res = await fetch(`${baseUrl}/2010-04-01/Accounts/${orgA.accountSid}/Messages.json?To=${encodeURIComponent(to)}&PageSize=2`, {
      headers: { authorization: `Basic ${Buffer.from(`${orgA.accountSid}:${tokenA}`).toString("base64")}` },
    });
    const body = await res.json();
    expect(body).toMatchObject({ page: 0, page_size: 2, start: 0, end: 1, previous_page_uri: null });
    expect(body.first_page_uri).toBe(`/2010-04-01/Accounts/${orgA.accountSid}/Messages.json?To=%2B14155553000&PageSize=2&Page=0`);
    expect(body.next_page_uri).toMatch(/&Page=1&PageToken=PASM[0-9a-f]{32}$/);
    expect(res.headers.get("ratelimit-limit")).toBeTruthy();
  });

  it("schedules with SendAt and ScheduleType=fixed, cancels with Status=canceled, deletes only finished messages", async () => {
    const at = new Date(Date.now() + 3_600_000);
    const scheduled = await client.messages.create({ to: "+14155552673", body: "Later", sendAt: at, scheduleType: "fixed" });
    expect(scheduled.status).toBe("scheduled");
    expect(await failure(client.messages(scheduled.sid).remove())).toMatchObject({ status: 409, code: 20009 });
    const canceled = await client.messages(scheduled.sid).update({ status: "canceled" });
    expect(canceled.status).toBe("canceled");
    expect(await failure(client.messages(scheduled.sid).update({ status: "canceled" }))).toMatchObject({ status: 409, code: 30409 });
    expect(await client.messages(scheduled.sid).remove()).toBe(true);
    expect(await failure(client.messages(scheduled.sid).fetch())).toMatchObject({ status: 404, code: 20404 });
    expect(await db.message.count({ where: { id: messageIdOfSid(scheduled.sid)! } })).toBe(0);
  });
});

describe("the docs page's example", () => {
  it("runs as pasted, in Node with the twilio package, and sends from the org's first number", async () => {
    // Asynchronously: the API answering it is served by this very process.
    const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", twilioExample(baseUrl, "+14155550123")], {
      cwd: process.cwd(),
      env: { NODE_ENV: "test", PATH: process.env.PATH, TEXTSTACK_ACCOUNT_SID: orgA.accountSid, TEXTSTACK_API_KEY: tokenA },
      timeout: 20_000,
    });
    const [sid, status] = stdout.trim().split(" ");
    expect(sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(status).toBe("queued");
    const stored = await db.message.findUniqueOrThrow({ where: { id: messageIdOfSid(sid!)! } });
    expect(stored).toMatchObject({ orgId: orgA.id, to: "+14155550123", body: "Hi!" });
    const first = await db.senderNumber.findFirstOrThrow({ where: { orgId: orgA.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(stored.senderId).toBe(first.id);
  });
});

describe("errors in Twilio's shape and codes", () => {
  it("refuses bad input with Twilio's codes", async () => {
    const cases: [Record<string, unknown>, number][] = [
      [{ to: "12", body: "Hi" }, 21211],
      [{ to: "+14155552671" }, 21602],
      [{ to: "+14155552671", body: "x".repeat(1_601) }, 21617],
      [{ to: "+14155552671", body: "Hi", from: "+19995550000" }, 21606],
      [{ to: "+14155552671", body: "Hi", messagingServiceSid: "MG00000000000000000000000000000000" }, 20001],
      [{ to: "+14155552671", body: "Hi", mediaUrl: ["http://127.0.0.1:9/cat.png"] }, 21620],
      [{ to: "+14155552671", body: "Hi", mediaUrl: [`${process.env.APP_URL ?? "http://localhost:3000"}/api/media/med_000000000000000000000000`] }, 21620],
      [{ to: "+14155552671", body: "Hi", sendAt: new Date(Date.now() + 3_600_000) }, 35111],
      [{ to: "+14155552671", body: "Hi", statusCallback: "ftp://example.com" }, 21609],
      [{ to: "+14155552671", body: "Hi", validityPeriod: 60 }, 20001],
    ];
    for (const [params, code] of cases) {
      const error = await failure(client.messages.create(params as never));
      expect({ params, code: error.code, status: error.status }).toEqual({ params, code, status: 400 });
      expect(error.moreInfo).toBe(`https://www.twilio.com/docs/errors/${code}`);
      expect(error.message.length).toBeGreaterThan(10);
    }
  });

  it("refuses a recipient who opted out with 21610", async () => {
    await db.contact.create({ data: { id: newId("contact"), orgId: orgA.id, phone: "+14155559999", timeZone: "America/Los_Angeles", consentStatus: "OPTED_OUT" } });
    expect(await failure(client.messages.create({ to: "+14155559999", body: "Hi" }))).toMatchObject({ status: 400, code: 21610 });
  });

  it("refuses bad credentials, a wrong AccountSid and a missing scope", async () => {
    const body = { to: "+14155552671", body: "Hi" };
    expect(await failure(clientFor(orgA.accountSid, "tsk_live_nope", orgA.accountSid).messages.create(body))).toMatchObject({ status: 401, code: 20003 });
    expect(await failure(clientFor(orgB.accountSid, tokenA, orgA.accountSid).messages.create(body))).toMatchObject({ status: 401, code: 20003 });
    // Valid credentials of org A, asking for org B's account, or for an account that does not exist: the same answer.
    expect(await failure(clientFor(orgA.accountSid, tokenA, orgB.accountSid).messages.create(body))).toMatchObject({ status: 401, code: 20003 });
    expect(await failure(clientFor(keyIdA, tokenA, `AC${"0".repeat(32)}`).messages.list())).toMatchObject({ status: 401, code: 20003 });
    expect(await failure(clientFor(orgA.accountSid, readerA, orgA.accountSid).messages.create(body))).toMatchObject({ status: 403, code: 20403 });
    const unauthenticated = await fetch(`${baseUrl}/2010-04-01/Accounts/${orgA.accountSid}/Messages.json`);
    expect(unauthenticated.status).toBe(401);
    expect(await unauthenticated.json()).toMatchObject({ code: 20003, status: 401, more_info: "https://www.twilio.com/docs/errors/20003" });
  });

  it("keeps tenants apart: org B neither sees nor touches org A's messages", async () => {
    const sent = await client.messages.create({ to: "+14155554000", body: "A's secret" });
    const clientB = clientFor(orgB.accountSid, tokenB, orgB.accountSid);
    expect(await failure(clientB.messages(sent.sid).fetch())).toMatchObject({ status: 404, code: 20404 });
    expect(await failure(clientB.messages(sent.sid).remove())).toMatchObject({ status: 404, code: 20404 });
    expect(await clientB.messages.list({ to: "+14155554000" })).toEqual([]);
    expect(await failure(clientB.messages.create({ to: "+14155552671", body: "Hi", mediaUrl: [signedMediaUrl(mediaId, 600)] }))).toMatchObject({ code: 21620 });
    expect(await failure(client.messages("SM00ffffffffffffffffffffffffffffff").fetch())).toMatchObject({ status: 404, code: 20404 });
  });
});

describe("StatusCallback", () => {
  it("POSTs Twilio's parameters with an X-Twilio-Signature that twilio.validateRequest accepts", async () => {
    const callbackUrl = `${receiverUrl}/status?order=7`;
    const sent = await client.messages.create({ to: "+14155555000", body: "Track me", statusCallback: callbackUrl });
    const id = messageIdOfSid(sent.sid)!;
    // What the pipeline does when the carrier takes the message: applyStatusChanges writes the
    // callbacks with the change and asks for their delivery once its transaction has committed.
    await applyStatusChanges(db, "SENDING", [{ messageId: id, to: "SENDING" }], "dispatcher");
    const moved = await db.$transaction((tx) => applyStatusChanges(tx, "SENT", [{ messageId: id, to: "SENT" }], "carrier"));
    expect(moved).toHaveLength(1);
    await applyStatusChanges(db, "UNDELIVERED", [{ messageId: id, to: "UNDELIVERED", errorCode: "30003", errorMessage: "Unreachable handset" }], "carrier");

    await waitUntil(async () => received.filter((r) => r.params.MessageSid === sent.sid).length >= 2, 20_000, "two status callbacks");
    const mine = received.filter((r) => r.params.MessageSid === sent.sid);
    expect(mine.map((r) => r.params.MessageStatus)).toEqual(["sent", "undelivered"]);
    expect(mine[1]!.params).toEqual({
      MessageSid: sent.sid,
      MessageStatus: "undelivered",
      SmsSid: sent.sid,
      SmsStatus: "undelivered",
      AccountSid: orgA.accountSid,
      From: senderA,
      To: "+14155555000",
      ApiVersion: "2010-04-01",
      ErrorCode: "30003",
    });
    const authToken = twilioAuthToken(orgA.accountSid);
    expect(authToken).toMatch(/^[0-9a-f]{32}$/);
    for (const callback of mine) {
      expect(callback.url).toBe("/status?order=7");
      expect(twilio.validateRequest(authToken, callback.signature, callbackUrl, callback.params)).toBe(true);
      expect(twilio.validateRequest(twilioAuthToken(orgB.accountSid), callback.signature, callbackUrl, callback.params)).toBe(false);
    }
  });

  it("sends nothing for messages without a StatusCallback", async () => {
    const sent = await client.messages.create({ to: "+14155555001", body: "Untracked" });
    const id = messageIdOfSid(sent.sid)!;
    await applyStatusChanges(db, "SENDING", [{ messageId: id, to: "SENDING" }], "dispatcher");
    await applyStatusChanges(db, "SENT", [{ messageId: id, to: "SENT" }], "carrier");
    const runs = await h.runs("twilio-status-callback");
    expect(runs.filter((r) => r.events.some((e) => e.data.messageId === id))).toEqual([]);
  });
});

describe("twilioApi.credentials", () => {
  it("shows the Account SID and auth token to admins of the org", async () => {
    const a = await createOrgWithOwner(db);
    const result = await callerFor(db, a.owner, a.org.id).twilioApi.credentials();
    expect(result).toEqual({ accountSid: a.org.accountSid, authToken: twilioAuthToken(a.org.accountSid) });
  });
});
