// GET /api/live (server-sent events) and POST /api/live/presence: a signed-in member's stream of
// their org's events, resumable from Last-Event-ID; 401 without a session, 403 outside the org.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseUrl, setupTestDatabase, withSchema } from "../helpers/db";
import { createOrgWithOwner, createUser, type TestUser } from "../helpers/factories";
import { appRequest, sessionCookie } from "../helpers/session";

const { db, schema } = await setupTestDatabase();

// The routes use the app's one client (lib/db.ts), lib/env.ts and the process's live listener, all
// read from the environment on first use: point them at this file's schema first.
const saved = process.env.DATABASE_URL;
process.env.DATABASE_URL = withSchema(databaseUrl(), schema);
const globals = globalThis as { textstackDb?: unknown; textstackLive?: { close(): Promise<void> } };
delete globals.textstackDb;
delete globals.textstackLive;
afterAll(async () => {
  await globals.textstackLive?.close();
  delete globals.textstackLive;
  delete globals.textstackDb;
  process.env.DATABASE_URL = saved;
});
const { GET } = await import("@/app/api/live/route");
const { POST } = await import("@/app/api/live/presence/route");
const { publishLive } = await import("@/lib/realtime/publish-live");
const { receiveMessage } = await import("@/lib/messaging/receive-message");

const noParams = { params: Promise.resolve({}) };
type Handler = (req: ReturnType<typeof appRequest>, ctx: typeof noParams) => Promise<Response>;
const get = GET as unknown as Handler;
const post = POST as unknown as Handler;

let owner: TestUser;
let cookie: string;
let orgId: string;

beforeAll(async () => {
  const made = await createOrgWithOwner(db, { name: "Live Roasters" });
  owner = made.owner;
  orgId = made.org.id;
  cookie = await sessionCookie(owner);
});

interface Frame {
  id?: string;
  topic: string;
  data: Record<string, unknown>;
}

/** Opens the stream and reads its frames as they come. */
async function openStream(init: { query?: string; lastEventId?: string } = {}) {
  const abort = new AbortController();
  const headers: Record<string, string> = init.lastEventId ? { "last-event-id": init.lastEventId } : {};
  const request = appRequest(`/api/live${init.query ?? ""}`, { cookies: [cookie], headers });
  const response = await get(new (request.constructor as typeof Request)(request, { signal: abort.signal }) as typeof request, noParams);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
  const reader = response.body!.getReader();
  const frames: Frame[] = [];
  let buffer = "";
  let ended = false;
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return void (ended = true);
      buffer += new TextDecoder().decode(value);
      let cut: number;
      while ((cut = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const lines = block.split("\n");
        const data = lines.find((l) => l.startsWith("data: "));
        if (!data) continue;
        const id = lines.find((l) => l.startsWith("id: "))?.slice(4);
        frames.push({ ...(id ? { id } : {}), ...JSON.parse(data.slice(6)) });
      }
    }
  })();
  return { frames, close: () => abort.abort(), ended: () => ended };
}

async function until(check: () => boolean, what: string, ms = 5_000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const publish = (org: string, topic: string, data: Record<string, unknown> = {}) => db.$transaction((tx) => publishLive(tx, org, [{ topic, data }]));

describe("GET /api/live", () => {
  it("answers 401 without a session and 403 for an org one is not a member of", async () => {
    const response = await get(appRequest("/api/live"), noParams);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "unauthorized" } });
    const { org: other } = await createOrgWithOwner(db);
    const refused = await get(appRequest(`/api/live?org=${other.id}`, { cookies: [cookie] }), noParams);
    expect(refused.status).toBe(403);
  });

  it("says hello, then streams the org's events with their ids, and not another org's", async () => {
    const stream = await openStream();
    try {
      await until(() => stream.frames.length === 1, "hello");
      expect(stream.frames[0]).toMatchObject({ topic: "hello", data: { userId: owner.id } });
      const { org: other } = await createOrgWithOwner(db);
      await publish(other.id, "conversation.updated", { conversationId: "theirs" });
      await publish(orgId, "conversation.updated", { conversationId: "ours" });
      await until(() => stream.frames.length === 2, "the event");
      expect(stream.frames[1]).toEqual({ id: expect.stringMatching(/^\d+$/), topic: "conversation.updated", data: { conversationId: "ours" } });
    } finally {
      stream.close();
    }
    await until(stream.ended, "the stream to end when the request is aborted");
  });

  it("resumes from Last-Event-ID with what was missed, and resets from an unknown one", async () => {
    const first = await openStream();
    await publish(orgId, "message.status", { n: 1 });
    await until(() => first.frames.some((f) => f.topic === "message.status"), "the first event");
    const lastId = first.frames.at(-1)!.id!;
    first.close();
    await publish(orgId, "message.status", { n: 2 });
    await publish(orgId, "message.status", { n: 3 });

    const resumed = await openStream({ lastEventId: lastId });
    try {
      await until(() => resumed.frames.filter((f) => f.topic === "message.status").length === 2, "the missed events");
      expect(resumed.frames.map((f) => [f.topic, f.data.n])).toEqual([["hello", undefined], ["message.status", 2], ["message.status", 3]]);
      await publish(orgId, "message.status", { n: 4 });
      await until(() => resumed.frames.length === 4, "the next live event");
    } finally {
      resumed.close();
    }

    // Our own reopening passes the id as a query parameter.
    const unknown = await openStream({ query: "?lastEventId=999999999" });
    try {
      await until(() => unknown.frames.length === 2, "a reset");
      expect(unknown.frames[1]).toEqual({ topic: "reset", data: {} });
    } finally {
      unknown.close();
    }
  });

  it("carries an inbound text's message.received, published in receiveMessage's transaction", async () => {
    const sender = await db.senderNumber.findFirstOrThrow({ where: { orgId } });
    const stream = await openStream();
    try {
      await until(() => stream.frames.length === 1, "hello");
      const { message } = await receiveMessage(db, sender.connectionId, { from: "+14155550123", to: sender.address, body: "hi", media: [], receivedAt: new Date() });
      // The same transaction publishes the conversation's update too (lib/conversations/route-inbound.ts).
      const received = () => stream.frames.find((f) => f.topic === "message.received");
      await until(() => received() !== undefined, "message.received");
      expect(received()).toMatchObject({ topic: "message.received", data: { messageId: message.id, contactId: message.contactId, senderId: sender.id } });
    } finally {
      stream.close();
    }
  });
});

describe("POST /api/live/presence", () => {
  const presence = (body: unknown, cookies = [cookie]) =>
    post(appRequest("/api/live/presence", { method: "POST", cookies, headers: { "content-type": "application/json" }, body: JSON.stringify(body) }), noParams);

  it("is heard by the org's streams with who said it; 401 without a session, 400 naming a bad field", async () => {
    const stream = await openStream();
    try {
      await until(() => stream.frames.length === 1, "hello");
      expect((await presence({ conversationId: "cnv_1", state: "typing" })).status).toBe(204);
      await until(() => stream.frames.length === 2, "the presence");
      expect(stream.frames[1]).toEqual({
        topic: "presence",
        data: { conversationId: "cnv_1", state: "typing", userId: owner.id, name: owner.name, at: expect.any(String) },
      });
    } finally {
      stream.close();
    }
    expect((await presence({ conversationId: "cnv_1", state: "typing" }, [])).status).toBe(401);
    const bad = await presence({ conversationId: "cnv_1", state: "shouting" });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { field: "state", message: expect.stringContaining("viewing, typing, left") } });
    const stranger = await createUser(db);
    const outsider = await presence({ conversationId: "cnv_1", state: "viewing" }, [await sessionCookie(stranger)]);
    expect(outsider.status).toBe(403);
  });
});
