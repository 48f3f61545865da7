// The public API's plumbing through a route built like every v1 route (apiRoute): key auth and
// scopes, the error shape, JSON and unknown fields, rate limits and Idempotency-Key.
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { apiRequest, call, createTestApiKey, setupApiDatabase } from "../helpers/api";
import { captureLogs } from "../helpers/logs";

const { db, sql } = await setupApiDatabase();
const { apiRoute } = await import("@/lib/api/api-route");
const { parseJsonBody } = await import("@/lib/api/parse-input");
const { takeRequestToken, takeToken } = await import("@/lib/rate-limit/rate-limit");
const { purgeExpiredIdempotencyKeys } = await import("@/lib/api/idempotency");
const { revokeApiKey } = await import("@/lib/api-keys/revoke-api-key");
const { DomainError } = await import("@/lib/errors");
const { createOrgWithOwner, orgContextFor } = await import("../helpers/factories");

// A route shaped like the real ones: a strict snake_case schema, a domain error, a crash.
let runs = 0;
const echoInput = z.strictObject({ phone_number: z.string().min(3, "is too short"), note: z.string().optional() });
const POST = apiRoute("messages:send", async ({ body }) => {
  runs++;
  const input = parseJsonBody(echoInput, body);
  if (input.phone_number === "opted-out") throw new DomainError("BAD_REQUEST", "+1555 has opted out", "to", "recipient_unsubscribed");
  if (input.phone_number === "lost-it") throw new DomainError("NOT_FOUND", "Widget not found", "widgetId");
  if (input.phone_number === "crash") throw new Error("connection string postgresql://secret@db leaked");
  return { status: 201, body: { id: `echo_${runs}`, ...input } };
});

let orgId: string;
let token: string;
let keyId: string;

beforeAll(async () => {
  const { org } = await createOrgWithOwner(db);
  orgId = org.id;
  const created = await createTestApiKey(db, orgId, ["messages:send"], { name: "Checkout" });
  token = created.token;
  keyId = created.key.id;
});

const post = (body: unknown, headers: Record<string, string> = {}, key: string | null = token) =>
  call(POST(apiRequest("/api/v1/echo", { method: "POST", token: key, body, headers })));

describe("authentication", () => {
  it("answers 401 naming why: no key, a malformed or unknown key, an expired key, a revoked key", async () => {
    const expired = await createTestApiKey(db, orgId, ["messages:send"], { expiresAt: new Date(Date.now() + 60_000) });
    await db.apiKey.update({ where: { id: expired.key.id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    const revoked = await createTestApiKey(db, orgId, ["messages:send"]);
    const { owner } = await createOrgWithOwner(db);
    await revokeApiKey({ ...(await orgContextFor(db, owner, orgId)), role: "OWNER" }, { id: revoked.key.id });

    const cases: [string | null, Record<string, string>, string][] = [
      [null, {}, "missing_api_key"],
      [null, { authorization: `Basic ${Buffer.from(`x:${token}`).toString("base64")}` }, "missing_api_key"],
      ["not-a-key", {}, "invalid_api_key"],
      [`tsk_live_${"A".repeat(40)}`, {}, "invalid_api_key"],
      [expired.token, {}, "expired_api_key"],
      [revoked.token, {}, "revoked_api_key"],
    ];
    const before = runs;
    for (const [key, headers, code] of cases) {
      const res = await post({ phone_number: "12345" }, headers, key);
      expect(res.status, code).toBe(401);
      expect(res.body.error).toMatchObject({ code, param: null, doc_url: `http://localhost:3000/docs/api#errors-${code}` });
    }
    expect(runs).toBe(before);
  });

  it("answers 403 naming the scope the key lacks", async () => {
    const reader = await createTestApiKey(db, orgId, ["messages:read", "contacts:read"]);
    const res = await post({ phone_number: "12345" }, {}, reader.token);
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: "insufficient_scope", message: "This API key lacks the messages:send scope" });
  });

  it("records when a key was last used, at most once a minute", async () => {
    await db.apiKey.update({ where: { id: keyId }, data: { lastUsedAt: null } });
    expect((await post({ phone_number: "12345" })).status).toBe(201);
    const first = (await db.apiKey.findUniqueOrThrow({ where: { id: keyId } })).lastUsedAt;
    expect(first).toBeInstanceOf(Date);
    expect((await post({ phone_number: "12345" })).status).toBe(201);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: keyId } })).lastUsedAt).toEqual(first);
    await db.apiKey.update({ where: { id: keyId }, data: { lastUsedAt: new Date(Date.now() - 61_000) } });
    expect((await post({ phone_number: "12345" })).status).toBe(201);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: keyId } })).lastUsedAt!.getTime()).toBeGreaterThan(Date.now() - 10_000);
  });
});

describe("errors", () => {
  it("refuses a body that is not JSON, or not an object", async () => {
    for (const body of ["{to:", "", "[1,2]", "42"]) {
      const res = await post(body);
      expect(res.status, body).toBe(400);
      expect(res.body.error.code, body).toBe("invalid_json");
    }
  });

  it("names the parameter of a validation error, and refuses unknown fields", async () => {
    expect((await post({})).body.error).toMatchObject({ code: "invalid_parameter", param: "phone_number", message: "phone_number: is required" });
    expect((await post({ phone_number: "1" })).body.error).toMatchObject({ code: "invalid_parameter", param: "phone_number" });
    const unknown = await post({ phone_number: "12345", phoneNumber: "12345" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: "unknown_parameter", param: "phoneNumber" });
  });

  it("maps domain errors by their reason, else by their code, with the field in snake_case", async () => {
    const optedOut = await post({ phone_number: "opted-out" });
    expect(optedOut.status).toBe(400);
    expect(optedOut.body.error).toMatchObject({ code: "recipient_unsubscribed", param: "to", message: "+1555 has opted out" });
    const missing = await post({ phone_number: "lost-it" });
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: "not_found", param: "widget_id" });
  });

  it("answers a crash with internal_error and a request id, never the error itself", async () => {
    const logs = captureLogs();
    const res = await post({ phone_number: "crash" });
    expect(res.status).toBe(500);
    const requestId = res.headers.get("x-request-id");
    expect(requestId).toMatch(/^req_[0-9a-f]{32}$/);
    expect(res.body).toEqual({
      error: {
        code: "internal_error",
        message: `Something went wrong on our side; quote ${requestId} when reporting it`,
        param: null,
        doc_url: "http://localhost:3000/docs/api#errors-internal_error",
        request_id: requestId,
      },
    });
    expect(JSON.stringify(res.body)).not.toContain("postgresql");
    // The log has the error under the request id it answered with.
    expect(logs.find((line) => line.level === "error")).toMatchObject({ component: "api", requestId, msg: "POST /api/v1/echo failed", err: { message: "connection string postgresql://secret@db leaked" } });
  });
});

describe("hostile requests: refused in the error shape, never a 500", () => {
  const raw = (body: BodyInit | null, headers: Record<string, string>, path = "/api/v1/echo") =>
    call(POST(new Request(`http://localhost:3000${path}`, { method: "POST", headers: { authorization: `Bearer ${token}`, ...headers }, body, duplex: "half" } as RequestInit)));

  it("refuses a body over the limit by its Content-Length, or while streaming it, without reading it all (413)", async () => {
    const declared = await raw("{}", { "content-type": "application/json", "content-length": String(50 * 1024 * 1024) });
    expect(declared.status).toBe(413);
    expect(declared.body.error).toMatchObject({ code: "body_too_large", param: null });
    let pulled = 0;
    const fiftyMegabytes = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (++pulled > 800) controller.close();
        else controller.enqueue(new TextEncoder().encode(`{"a":"${"x".repeat(64 * 1024)}",`));
      },
    });
    const streamed = await raw(fiftyMegabytes, { "content-type": "application/json" });
    expect(streamed.status).toBe(413);
    expect(streamed.headers.get("x-request-id")).toMatch(/^req_/);
    expect(pulled).toBeLessThan(40); // stopped just past 1 MB of the 50
  });

  it("takes a JSON body only as application/json in UTF-8 (415), but no body under any type", async () => {
    const body = JSON.stringify({ phone_number: "12345" });
    for (const type of [null, "text/plain", "application/x-www-form-urlencoded", "application/json; charset=utf-16", "application/jsonx"]) {
      const res = await raw(body, type === null ? {} : { "content-type": type });
      expect(res.status, String(type)).toBe(415);
      expect(res.body.error.code).toBe("unsupported_media_type");
    }
    expect((await raw(body, { "content-type": "Application/JSON; charset=UTF-8" })).status).toBe(201);
    // No body at all is the handler's to judge, whatever the type says.
    expect((await raw(null, { "content-type": "text/plain" })).body.error).toMatchObject({ code: "invalid_json", message: "The request body is empty; send a JSON object" });
  });

  it("refuses JSON nested deeper than 32 levels, and bytes that are not UTF-8, as invalid_json", async () => {
    for (const body of [`{"phone_number": ${"[".repeat(200_000)}${"]".repeat(200_000)}}`, `{"note": ${'{"a":'.repeat(33)}1${"}".repeat(33)}}`]) {
      const res = await post(body);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: "invalid_json", message: expect.stringContaining("32 levels") });
    }
    // Brackets inside strings are text, not nesting.
    expect((await post({ phone_number: "12345", note: "[".repeat(1_000) })).status).toBe(201);
    const notUtf8 = await raw(new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]), { "content-type": "application/json" });
    expect(notUtf8.body.error).toMatchObject({ code: "invalid_json", message: "The request body is not valid UTF-8" });
  });

  it("refuses a query string whose percent-encoding is not UTF-8, naming the parameter", async () => {
    // As sent, and as Next.js hands it to the route after re-encoding what it decoded (U+FFFD).
    for (const value of ["%ff", "%EF%BF%BD", "a%e2%82"]) {
      const res = await raw(JSON.stringify({ phone_number: "12345" }), { "content-type": "application/json" }, `/api/v1/echo?limit=1&starting_after=${value}`);
      expect(res.status, value).toBe(400);
      expect(res.body.error).toMatchObject({ code: "malformed_url", param: "starting_after" });
    }
  });
});

describe("rate limits", () => {
  it("sends the RateLimit headers on every response of a key, success or error", async () => {
    const fresh = await createTestApiKey(db, orgId, ["messages:send"]);
    for (const body of [{ phone_number: "12345" }, {}]) {
      const res = await post(body, {}, fresh.token);
      expect(res.headers.get("ratelimit-limit")).toBe("200");
      expect(Number(res.headers.get("ratelimit-remaining"))).toBeGreaterThanOrEqual(197);
      expect(Number(res.headers.get("ratelimit-reset"))).toBeGreaterThanOrEqual(0);
    }
  });

  it("answers 429 with Retry-After once the key's bucket is empty, and runs nothing", async () => {
    const busy = await createTestApiKey(db, orgId, ["messages:send"]);
    expect((await post({ phone_number: "12345" }, {}, busy.token)).status).toBe(201);
    await sql(`UPDATE "RateLimitBucket" SET tokens = 0, "updatedAt" = now() + interval '1 hour' WHERE key = $1`, [`api-key:${busy.key.id}`]);
    const before = runs;
    const res = await post({ phone_number: "12345" }, {}, busy.token);
    expect(res.status).toBe(429);
    expect(res.body.error.code).toBe("rate_limited");
    expect(res.headers.get("retry-after")).toBe("1");
    expect(res.headers.get("ratelimit-remaining")).toBe("0");
    expect(runs).toBe(before);
  });

  it("takes one token per request from a bucket that refills at the rate, up to the burst", async () => {
    const bucket = `test:${Date.now()}`;
    const limit = { rate: 0.001, burst: 3 };
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await takeToken(db, bucket, limit));
    expect(results.map((r) => [r.allowed, r.remaining])).toEqual([[true, 2], [true, 1], [true, 0], [false, 0]]);
    expect(results[3]!.retryAfterSeconds).toBe(1000);
    // An hour's refill at 0.001/s is 3.6 tokens: the bucket is full again, capped at the burst.
    await sql(`UPDATE "RateLimitBucket" SET "updatedAt" = "updatedAt" - interval '1 hour' WHERE key = $1`, [bucket]);
    expect(await takeToken(db, bucket, limit)).toMatchObject({ allowed: true, remaining: 2 });
  });

  it("lets concurrent requests take no more tokens than the bucket holds, in the caller's transaction or in their own", async () => {
    for (const [name, take] of [["in the caller's", takeToken], ["own", takeRequestToken]] as const) {
      const bucket = `race:${name}:${Date.now()}`;
      const results = await Promise.all(Array.from({ length: 12 }, () => take(db, bucket, { rate: 0.001, burst: 5 })));
      expect(results.filter((r) => r.allowed), name).toHaveLength(5);
    }
  });
});

describe("Idempotency-Key", () => {
  it("answers a repeat of the same request with the stored response, without running it again", async () => {
    const headers = { "idempotency-key": "order-1001" };
    const first = await post({ phone_number: "12345" }, headers);
    const before = runs;
    const again = await post({ phone_number: "12345" }, headers);
    expect(runs).toBe(before);
    expect(again.status).toBe(first.status);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    // Errors are kept too: the same request gets the same answer.
    const bad = await post({ phone_number: "1" }, { "idempotency-key": "order-1002" });
    expect(await post({ phone_number: "1" }, { "idempotency-key": "order-1002" })).toMatchObject({ status: 400, body: bad.body });
  });

  it("refuses the same key with a different body (422), and a repeat while the first still runs (409)", async () => {
    await post({ phone_number: "12345" }, { "idempotency-key": "order-2001" });
    const reused = await post({ phone_number: "67890" }, { "idempotency-key": "order-2001" });
    expect(reused.status).toBe(422);
    expect(reused.body.error).toMatchObject({ code: "idempotency_key_reused", param: "Idempotency-Key" });

    await sql(`INSERT INTO "ApiIdempotency" ("orgId", key, "requestHash", "expiresAt") VALUES ($1, 'order-2002', $2, now() + interval '1 day')`, [
      orgId,
      (await import("@/lib/api/idempotency")).requestHash("POST", "/api/v1/echo", JSON.stringify({ phone_number: "12345" })),
    ]);
    const inFlight = await post({ phone_number: "12345" }, { "idempotency-key": "order-2002" });
    expect(inFlight.status).toBe(409);
    expect(inFlight.body.error.code).toBe("idempotency_key_in_use");
  });

  it("compares the parsed body: the same JSON with its keys in another order (or other spacing) replays", async () => {
    const headers = { "idempotency-key": "order-3001" };
    const first = await call(POST(apiRequest("/api/v1/echo", { token, headers, body: '{"phone_number":"12345","note":"x"}' })));
    const reordered = await call(POST(apiRequest("/api/v1/echo", { token, headers, body: '{ "note": "x",\n  "phone_number": "12345" }' })));
    expect(reordered).toMatchObject({ status: 201, body: first.body });
    expect(reordered.headers.get("idempotent-replayed")).toBe("true");
    expect((await post({ note: "y", phone_number: "12345" }, headers)).body.error.code).toBe("idempotency_key_reused");
  });

  it("keeps keys per organisation, for 24 hours", async () => {
    const other = await createOrgWithOwner(db);
    const otherKey = await createTestApiKey(db, other.org.id, ["messages:send"]);
    const mine = await post({ phone_number: "12345" }, { "idempotency-key": "shared-name" });
    const theirs = await post({ phone_number: "12345" }, { "idempotency-key": "shared-name" }, otherKey.token);
    expect(theirs.body.id).not.toBe(mine.body.id);

    const row = await db.apiIdempotency.findUniqueOrThrow({ where: { orgId_key: { orgId, key: "shared-name" } } });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(24 * 60 * 60 * 1000);
    await db.apiIdempotency.update({ where: { orgId_key: { orgId, key: "shared-name" } }, data: { expiresAt: new Date(Date.now() - 1) } });
    const afterExpiry = await post({ phone_number: "67890" }, { "idempotency-key": "shared-name" });
    expect(afterExpiry.status).toBe(201);
    expect(afterExpiry.headers.get("idempotent-replayed")).toBeNull();

    await db.apiIdempotency.update({ where: { orgId_key: { orgId, key: "shared-name" } }, data: { expiresAt: new Date(Date.now() - 1) } });
    const { deleted } = await purgeExpiredIdempotencyKeys(db);
    expect(deleted).toBeGreaterThanOrEqual(1);
    expect(await db.apiIdempotency.findUnique({ where: { orgId_key: { orgId, key: "shared-name" } } })).toBeNull();
    expect(await db.apiIdempotency.findUnique({ where: { orgId_key: { orgId: other.org.id, key: "shared-name" } } })).not.toBeNull();
  });

  it("frees the key when the request fails on our side, so a retry runs", async () => {
    expect((await post({ phone_number: "crash" }, { "idempotency-key": "crash-1" })).status).toBe(500);
    expect(await db.apiIdempotency.findUnique({ where: { orgId_key: { orgId, key: "crash-1" } } })).toBeNull();
  });
});
