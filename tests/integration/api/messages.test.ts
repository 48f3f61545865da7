// The messages resource of REST v1, called as a client calls it: send one, send a batch, get one
// with its history, list with filters and pages, cancel a scheduled one; scopes and tenant isolation.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { beforeAll, describe, expect, it } from "vitest";
import { apiRequest, call, createTestApiKey, routeParams, setupApiDatabase } from "../helpers/api";

const { db } = await setupApiDatabase();
const messages = await import("@/app/api/v1/messages/route");
const batch = await import("@/app/api/v1/messages/batch/route");
const one = await import("@/app/api/v1/messages/[id]/route");
const cancel = await import("@/app/api/v1/messages/[id]/cancel/route");
const { createOrgWithOwner } = await import("../helpers/factories");
const { batchResult } = await import("@/lib/api/openapi/resources");
const { signedMediaUrl } = await import("@/lib/media/media-url");
const { newId } = await import("@/lib/ids");

let tokenA: string;
let readerA: string;
let marketerA: string;
let senderA: string;
let tokenB: string;
let orgA: string;

beforeAll(async () => {
  const a = await createOrgWithOwner(db, { defaultCountry: "US" });
  orgA = a.org.id;
  tokenA = (await createTestApiKey(db, orgA, ["messages:send", "messages:transactional", "messages:read"])).token;
  marketerA = (await createTestApiKey(db, orgA, ["messages:send"])).token;
  readerA = (await createTestApiKey(db, orgA, ["messages:read"])).token;
  senderA = (await db.senderNumber.findFirstOrThrow({ where: { orgId: orgA } })).address;
  const b = await createOrgWithOwner(db, { defaultCountry: "US" });
  tokenB = (await createTestApiKey(db, b.org.id, ["messages:send", "messages:read"])).token;
});

const send = (body: unknown, token = tokenA, headers: Record<string, string> = {}) =>
  call(messages.POST(apiRequest("/api/v1/messages", { token, body, headers })));
const list = (query = "", token = tokenA) => call(messages.GET(apiRequest(`/api/v1/messages${query}`, { token })));
const get = (id: string, token = tokenA) => call(one.GET(apiRequest(`/api/v1/messages/${id}`, { token }), routeParams({ id })));

describe("POST /api/v1/messages", () => {
  it("queues the message and answers 201 with it in snake_case", async () => {
    const res = await send({ to: "(415) 555-2671", body: "Your order is ready", marketing: false, status_callback: "https://example.com/cb" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      object: "message",
      direction: "outbound",
      status: "queued",
      from: senderA,
      to: "+14155552671",
      body: "Your order is ready",
      media_ids: [],
      encoding: "GSM-7",
      num_segments: 1,
      marketing: false,
      status_callback: "https://example.com/cb",
      send_at: null,
    });
    expect(res.body.id).toMatch(/^msg_/);
    expect(new Date(res.body.created_at).toISOString()).toBe(res.body.created_at);
    const events = await db.messageEvent.findMany({ where: { messageId: res.body.id } });
    expect(events.map((e) => [e.status, e.source])).toEqual([["QUEUED", "api"]]);
  });

  it("fetches media_urls into the org's media and sends them as an MMS", async () => {
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");
    const server = http.createServer((_req, res) => res.writeHead(200, { "Content-Type": "image/png" }).end(png));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/menu.png`;
      const res = await send({ to: "+14155552699", body: "Our new menu", media_urls: [url] });
      expect(res.status).toBe(201);
      expect(res.body.media_ids).toHaveLength(1);
      const asset = await db.mediaAsset.findUniqueOrThrow({ where: { id: res.body.media_ids[0] } });
      expect(asset).toMatchObject({ orgId: orgA, contentType: "image/png", size: png.length, fileName: "menu.png" });
    } finally {
      server.close();
    }
  });

  it("takes our own media links in media_urls as the media they name, this org's only", async () => {
    const mediaId = newId("media");
    await db.mediaAsset.create({ data: { id: mediaId, orgId: orgA, storageKey: `${orgA}/${mediaId}.png`, contentType: "image/png", size: 2_048, sha256: "0".repeat(64) } });
    const assets = await db.mediaAsset.count({ where: { orgId: orgA } });
    const res = await send({ to: "+14155552698", body: "Our new menu", media_urls: [signedMediaUrl(mediaId, 600)] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.media_ids).toEqual([mediaId]);
    expect(await db.mediaAsset.count({ where: { orgId: orgA } })).toBe(assets); // nothing fetched

    const other = await send({ to: "+14155552698", body: "Our new menu", media_urls: [signedMediaUrl(mediaId, 600)] }, tokenB);
    expect({ status: other.status, code: other.body.error?.code, param: other.body.error?.param }).toEqual({ status: 400, code: "media_not_found", param: "media_urls[0]" });
  });

  it("schedules with send_at", async () => {
    const at = new Date(Date.now() + 86_400_000);
    const res = await send({ to: "+14155552672", body: "Tomorrow", send_at: at.toISOString() });
    expect(res.body).toMatchObject({ status: "scheduled", send_at: at.toISOString() });
  });

  it("names the parameter of each refusal with its stable code", async () => {
    const cases: [unknown, number, string, string | null][] = [
      [{ to: "12", body: "Hi" }, 400, "invalid_phone_number", "to"],
      [{ body: "Hi" }, 400, "invalid_parameter", "to"],
      [{ to: "+14155552671", body: "" }, 400, "invalid_parameter", "body"],
      [{ to: "+14155552671", body: "Hi", from: "+19995550000" }, 400, "unknown_sender", "from"],
      [{ to: "+14155552671", body: "Hi", media_ids: ["med_0000000000000000000000000"] }, 400, "invalid_parameter", "media_ids[0]"],
      [{ to: "+14155552671", body: "Hi", media_ids: ["med_000000000000000000000000"] }, 400, "media_not_found", "media_ids"],
      [{ to: "+14155552671", body: "Hi", send_at: new Date(Date.now() - 86_400_000).toISOString() }, 400, "invalid_send_at", "send_at"],
      [{ to: "+14155552671", body: "Hi", status_callback: "ftp://x" }, 400, "invalid_parameter", "status_callback"],
      [{ to: "+14155552671", body: "Hi", media_urls: ["ftp://example.com/a.png"] }, 400, "invalid_parameter", "media_urls[0]"],
      [{ to: "+14155552671", body: "Hi", media_urls: ["http://127.0.0.1:9/a.png"] }, 400, "media_fetch_failed", "media_urls[0]"],
      [{ to: "+14155552671", body: "Hi", mediaIds: [] }, 400, "unknown_parameter", "mediaIds"],
      [{ to: "+14155552671", body: "Hi", idempotency_key: "x" }, 400, "unknown_parameter", "idempotency_key"],
    ];
    for (const [body, status, code, param] of cases) {
      const res = await send(body);
      expect({ status: res.status, code: res.body.error?.code, param: res.body.error?.param }, JSON.stringify(body)).toEqual({ status, code, param });
    }
  });

  it("refuses marketing to a recipient who opted out, but sends transactional messages", async () => {
    await db.contact.updateMany({ where: { orgId: orgA, phone: "+14155552679" }, data: { consentStatus: "OPTED_OUT" } });
    await send({ to: "+14155552679", body: "first" });
    await db.contact.updateMany({ where: { orgId: orgA, phone: "+14155552679" }, data: { consentStatus: "OPTED_OUT" } });
    expect((await send({ to: "+14155552679", body: "Sale!" })).body.error).toMatchObject({ code: "recipient_unsubscribed", param: "to" });
    const sent = await send({ to: "+14155552679", body: "Your code is 1234", marketing: false });
    expect(sent.status).toBe(201);
    // Reaching someone who opted out is recorded, naming the key.
    expect(await db.auditLog.findMany({ where: { orgId: orgA, action: "message.sent_to_opted_out" } })).toEqual([
      expect.objectContaining({ actorType: "API_KEY", targetId: sent.body.id, changes: expect.objectContaining({ to: "+14155552679" }) }),
    ]);
  });

  it("sends transactional only with the messages:transactional scope, in one send and per batch item", async () => {
    const refused = await send({ to: "+14155552680", body: "Your receipt", marketing: false }, marketerA);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: "insufficient_scope", param: "marketing", message: expect.stringContaining("messages:transactional") });
    expect(await db.message.count({ where: { orgId: orgA, to: "+14155552680" } })).toBe(0);

    const items = [{ to: "+14155552680", body: "Sale" }, { to: "+14155552680", body: "Receipt", marketing: false }];
    const res = await call(batch.POST(apiRequest("/api/v1/messages/batch", { token: marketerA, body: { messages: items } })));
    expect(res.body).toMatchObject({ accepted: 1, failed: 1 });
    expect(res.body.data[1].error).toMatchObject({ code: "insufficient_scope", param: "marketing" });
    expect(await db.message.count({ where: { orgId: orgA, to: "+14155552680" } })).toBe(1);
  });

  it("sends once for a repeated Idempotency-Key, and needs the messages:send scope", async () => {
    const headers = { "idempotency-key": "checkout-77" };
    const first = await send({ to: "+14155552673", body: "Once" }, tokenA, headers);
    const again = await send({ to: "+14155552673", body: "Once" }, tokenA, headers);
    expect(again.body.id).toBe(first.body.id);
    expect(await db.message.count({ where: { orgId: orgA, to: "+14155552673" } })).toBe(1);
    const refused = await send({ to: "+14155552673", body: "Once" }, readerA);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain("messages:send");
  });
});

describe("merge fields over REST", () => {
  beforeAll(async () => {
    await db.customFieldDefinition.create({ data: { id: newId("customField"), orgId: orgA, key: "points", label: "Points", type: "NUMBER" } });
    for (const [phone, firstName, points] of [["+14155552701", "Ada", 42], ["+14155552702", "Bo", 7]] as const) {
      await db.contact.create({ data: { id: newId("contact"), orgId: orgA, phone, firstName, customFields: { points } } });
    }
  });

  it("fills them in for a contact, priced on the filled-in text, and refuses an unknown one naming it on body", async () => {
    const res = await send({ to: "+14155552701", body: "Hi {{first_name}}, {{custom.points}} points" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ body: "Hi Ada, 42 points", num_segments: 1 });
    const unknown = await send({ to: "+14155552701", body: "Hi {{frist_name}}" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: "unknown_merge_field", param: "body", message: expect.stringContaining("{{frist_name}}") });
    const stranger = await send({ to: "+14155552703", body: "Hi {{first_name}}" });
    expect(stranger.body.error).toMatchObject({ code: "merge_field_without_value", param: "body" });
    expect((await send({ to: "+14155552703", body: "Hi {{first_name}}", merge_fields: false })).body.body).toBe("Hi {{first_name}}");
  });

  it("fills in each batch item for its own recipient, and refuses only the item with an unknown field", async () => {
    const items = [
      { to: "+14155552701", body: "{{first_name}}: {{custom.points}}" },
      { to: "+14155552702", body: "{{first_name}}: {{custom.points}}" },
      { to: "+14155552702", body: "{{custom.nope}}" },
    ];
    const res = await call(batch.POST(apiRequest("/api/v1/messages/batch", { token: tokenA, body: { messages: items } })));
    expect(res.body.data.map((r: { message?: { body: string }; error?: { code: string; param: string } }) => r.message?.body ?? r.error)).toEqual([
      "Ada: 42",
      "Bo: 7",
      expect.objectContaining({ code: "unknown_merge_field", param: "body" }),
    ]);
  });
});

describe("POST /api/v1/messages/batch", () => {
  it("answers each item in its slot: the message or its error", async () => {
    const res = await call(
      batch.POST(
        apiRequest("/api/v1/messages/batch", {
          token: tokenA,
          body: { messages: [{ to: "+14155552674", body: "One" }, { to: "nope", body: "Two" }, { to: "+14155552675", text: "Three" }, { to: "+14155552676", body: "Four" }] },
        }),
      ),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ object: "batch", accepted: 2, failed: 2 });
    expect(res.body.data.map((r: { index: number; message?: { to: string }; error?: { code: string; param: string } }) => [r.index, r.message?.to ?? r.error])).toEqual([
      [0, "+14155552674"],
      [1, expect.objectContaining({ code: "invalid_phone_number", param: "to" })],
      [2, expect.objectContaining({ code: "unknown_parameter", param: "text" })],
      [3, "+14155552676"],
    ]);
    expect(() => batchResult.parse(res.body), "the documented BatchResult").not.toThrow();
  });

  it("refuses more than 1,000 messages, an empty batch and a body without messages", async () => {
    const tooMany = { messages: Array.from({ length: 1001 }, (_, i) => ({ to: `+1415555${String(i).padStart(4, "0")}`, body: "x" })) };
    for (const [body, param] of [[tooMany, "messages"], [{ messages: [] }, "messages"], [{ message: [] }, "message"]] as const) {
      const res = await call(batch.POST(apiRequest("/api/v1/messages/batch", { token: tokenA, body })));
      expect(res.status).toBe(400);
      expect(res.body.error.param).toBe(param);
    }
  });
});

describe("GET /api/v1/messages/{id}", () => {
  it("returns the message with its status history, oldest first", async () => {
    const sent = await send({ to: "+14155552680", body: "History" });
    await db.message.update({ where: { id: sent.body.id }, data: { status: "SENT" } });
    await db.messageEvent.create({ data: { id: `mev_${Date.now()}zzzzzzzzzzzzzz`, orgId: orgA, messageId: sent.body.id, status: "SENT", source: "dispatcher", occurredAt: new Date(Date.now() + 1000) } });
    const res = await get(sent.body.id, readerA);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: sent.body.id, status: "sent" });
    expect(res.body.history.map((h: { status: string }) => h.status)).toEqual(["queued", "sent"]);
  });

  it("answers 404 for an unknown id and for another organisation's message", async () => {
    const sent = await send({ to: "+14155552681", body: "Private to A" });
    for (const [id, token] of [["msg_nope", tokenA], [sent.body.id, tokenB]] as const) {
      const res = await get(id, token);
      expect(res.status).toBe(404);
      expect(res.body.error).toMatchObject({ code: "not_found", param: "id" });
      expect(JSON.stringify(res.body)).not.toContain("Private to A");
    }
  });
});

describe("GET /api/v1/messages", () => {
  it("pages through the log newest first with limit and starting_after", async () => {
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await send({ to: "+14155552690", body: `Page ${i}` })).body.id);
    const seen: string[] = [];
    let cursor = "";
    for (let pageNo = 0; pageNo < 3; pageNo++) {
      const res = await list(`?to=%2B14155552690&limit=2${cursor}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.data.map((m: { id: string }) => m.id));
      expect(res.body.has_more).toBe(pageNo < 2);
      if (!res.body.has_more) expect(res.body.next_cursor).toBeNull();
      cursor = `&starting_after=${res.body.next_cursor}`;
    }
    expect(seen).toEqual([...ids].reverse());
  });

  it("filters by status, direction, to, from and creation time", async () => {
    const before = new Date(Date.now() - 1000).toISOString();
    const scheduled = await send({ to: "+14155552691", body: "Later", send_at: new Date(Date.now() + 3_600_000).toISOString() });
    const ids = (res: Awaited<ReturnType<typeof list>>) => res.body.data.map((m: { id: string }) => m.id);
    expect(ids(await list("?status=scheduled&to=%2B14155552691"))).toEqual([scheduled.body.id]);
    expect(ids(await list("?status=queued&to=%2B14155552691"))).toEqual([]);
    expect(ids(await list("?direction=inbound&to=%2B14155552691"))).toEqual([]);
    expect(ids(await list(`?from=${encodeURIComponent(senderA)}&to=%2B14155552691&created_after=${before}`))).toEqual([scheduled.body.id]);
    expect(ids(await list(`?to=%2B14155552691&created_before=${before}`))).toEqual([]);
  });

  it("refuses unknown and malformed parameters, naming them", async () => {
    const cases: [string, string, string][] = [
      ["?limit=0", "invalid_parameter", "limit"],
      ["?limit=101", "invalid_parameter", "limit"],
      ["?status=sleeping", "invalid_parameter", "status"],
      ["?created_after=yesterday", "invalid_parameter", "created_after"],
      ["?created_after=2026-02-01T00:00:00Z&created_before=2026-01-01T00:00:00Z", "invalid_parameter", "created_before"],
      ["?page=2", "unknown_parameter", "page"],
      ["?limit=2&limit=3", "invalid_parameter", "limit"],
    ];
    for (const [query, code, param] of cases) {
      const res = await list(query);
      expect({ status: res.status, code: res.body.error?.code, param: res.body.error?.param }, query).toEqual({ status: 400, code, param });
    }
  });

  it("never shows another organisation's messages", async () => {
    await send({ to: "+14155552692", body: "Only A's" });
    const all = await list("?limit=100", tokenB);
    expect(all.status).toBe(200);
    expect(all.body.data).toEqual([]);
    expect((await list("?to=%2B14155552692", tokenB)).body.data).toEqual([]);
  });
});

describe("POST /api/v1/messages/{id}/cancel", () => {
  const cancelReq = (id: string, token = tokenA) => call(cancel.POST(apiRequest(`/api/v1/messages/${id}/cancel`, { method: "POST", token }), routeParams({ id })));

  it("cancels a scheduled message, and refuses one that is not scheduled (409)", async () => {
    const scheduled = await send({ to: "+14155552693", body: "Later", send_at: new Date(Date.now() + 3_600_000).toISOString() });
    const res = await cancelReq(scheduled.body.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: scheduled.body.id, status: "canceled" });
    const again = await cancelReq(scheduled.body.id);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: "message_not_cancelable", param: "id" });
  });

  it("does not reach another organisation's message, and needs messages:send", async () => {
    const scheduled = await send({ to: "+14155552694", body: "Later", send_at: new Date(Date.now() + 3_600_000).toISOString() });
    expect((await cancelReq(scheduled.body.id, tokenB)).status).toBe(404);
    expect((await cancelReq(scheduled.body.id, readerA)).status).toBe(403);
    expect((await db.message.findUniqueOrThrow({ where: { id: scheduled.body.id } })).status).toBe("SCHEDULED");
  });
});
