// The webhook endpoints resource of REST v1, called as a client calls it: create (the secret shown
// once), page, get, update, delete, rotate the secret; an endpoint's delivery log, one delivery and
// its replay; the webhooks:manage scope, parameters named in refusals, the SSRF guard at create, and
// tenant isolation. WEBHOOK_ALLOW_PRIVATE is unset here (the default a server runs with), so the
// guard is the real one; endpoints use a public address literal, and nothing is ever delivered.
import { beforeAll, describe, expect, it } from "vitest";
import { apiRequest, call, createTestApiKey, routeParams, setupApiDatabase } from "../helpers/api";

delete process.env.WEBHOOK_ALLOW_PRIVATE;
const { db } = await setupApiDatabase();
const endpoints = await import("@/app/api/v1/webhook_endpoints/route");
const one = await import("@/app/api/v1/webhook_endpoints/[id]/route");
const rotation = await import("@/app/api/v1/webhook_endpoints/[id]/rotate_secret/route");
const log = await import("@/app/api/v1/webhook_endpoints/[id]/deliveries/route");
const delivery = await import("@/app/api/v1/webhook_deliveries/[id]/route");
const replay = await import("@/app/api/v1/webhook_deliveries/[id]/replay/route");
const { createOrgWithOwner } = await import("../helpers/factories");
const { enqueueWebhookEvents } = await import("@/lib/webhooks/enqueue-webhook-events");

const PUBLIC_URL = "https://93.184.216.34/textstack/hooks";

let orgA: string;
let managerA: string;
let otherScopesA: string;
let managerB: string;

beforeAll(async () => {
  const a = await createOrgWithOwner(db, { defaultCountry: "US" });
  orgA = a.org.id;
  managerA = (await createTestApiKey(db, orgA, ["webhooks:manage"])).token;
  otherScopesA = (await createTestApiKey(db, orgA, ["messages:send", "messages:read", "contacts:read", "contacts:write"])).token;
  const b = await createOrgWithOwner(db, { defaultCountry: "US" });
  managerB = (await createTestApiKey(db, b.org.id, ["webhooks:manage"])).token;
});

type Res = Awaited<ReturnType<typeof call>>;
const errorOf = (res: Res) => ({ status: res.status, code: res.body.error?.code, param: res.body.error?.param });
const create = (body: unknown, token = managerA, headers: Record<string, string> = {}) =>
  call(endpoints.POST(apiRequest("/api/v1/webhook_endpoints", { token, body, headers })));
const page = (query = "", token: string | null = managerA) => call(endpoints.GET(apiRequest(`/api/v1/webhook_endpoints${query}`, { token })));
const get = (id: string, token = managerA) => call(one.GET(apiRequest(`/api/v1/webhook_endpoints/${id}`, { token }), routeParams({ id })));
const update = (id: string, body: unknown, token = managerA) =>
  call(one.PATCH(apiRequest(`/api/v1/webhook_endpoints/${id}`, { method: "PATCH", token, body }), routeParams({ id })));
const remove = (id: string, token = managerA) => call(one.DELETE(apiRequest(`/api/v1/webhook_endpoints/${id}`, { method: "DELETE", token }), routeParams({ id })));
const rotate = (id: string, token = managerA) => call(rotation.POST(apiRequest(`/api/v1/webhook_endpoints/${id}/rotate_secret`, { method: "POST", token }), routeParams({ id })));
const deliveries = (id: string, query = "", token = managerA) =>
  call(log.GET(apiRequest(`/api/v1/webhook_endpoints/${id}/deliveries${query}`, { token }), routeParams({ id })));
const getDelivery = (id: string, token = managerA) => call(delivery.GET(apiRequest(`/api/v1/webhook_deliveries/${id}`, { token }), routeParams({ id })));
const replayDelivery = (id: string, token = managerA) => call(replay.POST(apiRequest(`/api/v1/webhook_deliveries/${id}/replay`, { method: "POST", token }), routeParams({ id })));
const idsOf = (res: Res) => res.body.data.map((item: { id: string }) => item.id);

async function newEndpoint(eventTypes = ["message.delivered"], token = managerA) {
  const res = await create({ url: PUBLIC_URL, event_types: eventTypes }, token);
  expect(res.status).toBe(201);
  return res.body as { id: string; secret: string };
}

/** Events of the org, written as the message pipeline writes them: a delivery per subscribed endpoint. */
async function emit(type: "message.delivered" | "message.failed", count = 1, orgId = orgA) {
  await db.$transaction((tx) =>
    enqueueWebhookEvents(
      tx,
      Array.from({ length: count }, (_, i) => ({ orgId, type, subjectId: `msg_${type}_${i}`, occurredAt: new Date(), data: { id: `msg_${i}` } })),
    ),
  );
}

describe("POST /api/v1/webhook_endpoints", () => {
  it("creates an endpoint (201) with its signing secret, which no later answer shows", async () => {
    const res = await create({ url: ` ${PUBLIC_URL} `, description: "Order system", event_types: ["message.delivered", "message.failed"] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      object: "webhook_endpoint",
      url: PUBLIC_URL,
      description: "Order system",
      event_types: ["message.delivered", "message.failed"],
      enabled: true,
      disabled_reason: null,
      failure_streak: 0,
    });
    expect(res.body.id).toMatch(/^we_/);
    expect(res.body.secret).toMatch(/^whsec_/);
    const stored = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(stored.secret).toBe(res.body.secret);

    const id = res.body.id as string;
    for (const later of [await get(id), await update(id, { description: "Orders" }), await page()]) {
      expect(later.status).toBe(200);
      expect(JSON.stringify(later.body)).not.toContain(res.body.secret);
      expect(JSON.stringify(later.body)).not.toContain('"secret"');
    }
  });

  it("names the parameter of each refusal and refuses unknown fields", async () => {
    for (const [body, code, param] of [
      [{ event_types: ["message.sent"] }, "invalid_parameter", "url"],
      [{ url: "", event_types: ["message.sent"] }, "invalid_parameter", "url"],
      [{ url: "not a url", event_types: ["message.sent"] }, "invalid_url", "url"],
      [{ url: "http://93.184.216.34/hooks", event_types: ["message.sent"] }, "invalid_url", "url"],
      [{ url: PUBLIC_URL }, "invalid_parameter", "event_types"],
      [{ url: PUBLIC_URL, event_types: [] }, "invalid_parameter", "event_types"],
      [{ url: PUBLIC_URL, event_types: ["message.sent", "message.exploded"] }, "invalid_parameter", "event_types[1]"],
      [{ url: PUBLIC_URL, event_types: ["message.sent"], description: "x".repeat(201) }, "invalid_parameter", "description"],
      [{ url: PUBLIC_URL, event_types: ["message.sent"], eventTypes: ["message.sent"] }, "unknown_parameter", "eventTypes"],
      [{ url: PUBLIC_URL, event_types: ["message.sent"], secret: "whsec_mine" }, "unknown_parameter", "secret"],
    ] as const) {
      expect(errorOf(await create(body)), JSON.stringify(body)).toEqual({ status: 400, code, param });
    }
  });

  it.each(["https://127.0.0.1/hooks", "https://10.0.0.8/hooks", "https://169.254.169.254/latest/meta-data/", "https://[::1]/hooks", "https://localhost/hooks"])(
    "refuses the private address %s with 400 private_url on url, and stores nothing",
    async (url) => {
      const before = await db.webhookEndpoint.count({ where: { orgId: orgA } });
      const res = await create({ url, event_types: ["message.sent"] });
      expect(errorOf(res)).toEqual({ status: 400, code: "private_url", param: "url" });
      expect(await db.webhookEndpoint.count({ where: { orgId: orgA } })).toBe(before);
    },
  );

  it("replays a create with the same Idempotency-Key: one endpoint, the same answer", async () => {
    const headers = { "idempotency-key": "endpoint-create-1" };
    const body = { url: `${PUBLIC_URL}/once`, event_types: ["message.sent"] };
    const first = await create(body, managerA, headers);
    const again = await create(body, managerA, headers);
    expect(again).toMatchObject({ status: 201, body: { id: first.body.id } });
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await db.webhookEndpoint.count({ where: { orgId: orgA, url: `${PUBLIC_URL}/once` } })).toBe(1);
  });
});

describe("GET /api/v1/webhook_endpoints", () => {
  it("pages newest first with limit and starting_after, only the org's own", async () => {
    const { org } = await createOrgWithOwner(db);
    const token = (await createTestApiKey(db, org.id, ["webhooks:manage"])).token;
    const made = [];
    for (let i = 0; i < 3; i++) made.push((await newEndpoint(["message.sent"], token)).id);
    const first = await page("?limit=2", token);
    expect(first.status).toBe(200);
    expect(idsOf(first)).toEqual([made[2], made[1]]);
    expect(first.body).toMatchObject({ has_more: true, next_cursor: made[1] });
    const second = await page(`?limit=2&starting_after=${made[1]}`, token);
    expect(idsOf(second)).toEqual([made[0]]);
    expect(second.body).toMatchObject({ has_more: false, next_cursor: null });
    expect(idsOf(await page("?limit=100"))).not.toContain(made[0]);
    expect(errorOf(await page("?limit=0", token))).toEqual({ status: 400, code: "invalid_parameter", param: "limit" });
    expect(errorOf(await page("?status=failed", token))).toEqual({ status: 400, code: "unknown_parameter", param: "status" });
  });
});

describe("GET, PATCH and DELETE /api/v1/webhook_endpoints/{id}", () => {
  it("gets an endpoint and changes only the fields sent", async () => {
    const { id } = await newEndpoint();
    expect(await get(id)).toMatchObject({ status: 200, body: { id, url: PUBLIC_URL, event_types: ["message.delivered"], enabled: true } });

    const changed = await update(id, { url: `${PUBLIC_URL}/v2`, description: "Billing", event_types: ["message.failed", "message.received"], enabled: false });
    expect(changed).toMatchObject({
      status: 200,
      body: { id, url: `${PUBLIC_URL}/v2`, description: "Billing", event_types: ["message.failed", "message.received"], enabled: false },
    });
    expect(await update(id, { description: null })).toMatchObject({ status: 200, body: { description: null, url: `${PUBLIC_URL}/v2`, enabled: false } });
    expect(await update(id, {})).toMatchObject({ status: 200, body: { event_types: ["message.failed", "message.received"] } });

    // Switched back on by a client: an automatic disable and its failure count start over.
    await db.webhookEndpoint.update({ where: { id }, data: { disabledReason: "Failed 50 times in a row", failureStreak: 50 } });
    expect(await update(id, { enabled: true })).toMatchObject({ status: 200, body: { enabled: true, disabled_reason: null, failure_streak: 0 } });
  });

  it("names the parameter of each refusal, and checks a new URL as at creation", async () => {
    const { id } = await newEndpoint();
    for (const [body, code, param] of [
      [{ enabled: "yes" }, "invalid_parameter", "enabled"],
      [{ event_types: [] }, "invalid_parameter", "event_types"],
      [{ event_types: ["nope"] }, "invalid_parameter", "event_types[0]"],
      [{ url: "https://192.168.1.1/hooks" }, "private_url", "url"],
      [{ url: "ftp://93.184.216.34/" }, "invalid_url", "url"],
      [{ secret: "whsec_mine" }, "unknown_parameter", "secret"],
    ] as const) {
      expect(errorOf(await update(id, body)), JSON.stringify(body)).toEqual({ status: 400, code, param });
    }
    expect((await get(id)).body).toMatchObject({ url: PUBLIC_URL, event_types: ["message.delivered"], enabled: true });
  });

  it("deletes an endpoint with its delivery log; a second delete is 404", async () => {
    const { id } = await newEndpoint(["message.failed"]);
    await emit("message.failed");
    expect(await db.webhookDelivery.count({ where: { endpointId: id } })).toBe(1);
    expect(await remove(id)).toMatchObject({ status: 200, body: { id, object: "webhook_endpoint", deleted: true } });
    expect(await db.webhookDelivery.count({ where: { endpointId: id } })).toBe(0);
    expect(errorOf(await get(id))).toEqual({ status: 404, code: "not_found", param: "id" });
    expect(errorOf(await remove(id))).toEqual({ status: 404, code: "not_found", param: "id" });
  });
});

describe("POST /api/v1/webhook_endpoints/{id}/rotate_secret", () => {
  it("answers the endpoint with a new secret, shown this once", async () => {
    const { id, secret } = await newEndpoint();
    const rotated = await rotate(id);
    expect(rotated).toMatchObject({ status: 200, body: { id, object: "webhook_endpoint", url: PUBLIC_URL, secret: expect.stringMatching(/^whsec_/) } });
    expect(rotated.body.secret).not.toBe(secret);
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id } })).secret).toBe(rotated.body.secret);
    expect((await get(id)).body).not.toHaveProperty("secret");
    expect(errorOf(await rotate("we_01jf0000000000000000000000"))).toEqual({ status: 404, code: "not_found", param: "id" });
  });
});

describe("the delivery log, one delivery, and replay", () => {
  let endpoint: string;

  beforeAll(async () => {
    endpoint = (await newEndpoint(["message.delivered", "message.failed"])).id;
    await emit("message.delivered", 3);
    await emit("message.failed");
    // The first delivery was tried and failed for good; its attempt is what the log shows of it.
    const [first] = await db.webhookDelivery.findMany({ where: { endpointId: endpoint }, orderBy: { id: "asc" }, take: 1 });
    await db.webhookDelivery.update({ where: { id: first!.id }, data: { status: "FAILED", attempts: 1 } });
    await db.webhookAttempt.create({
      data: { id: "wa_test_1", deliveryId: first!.id, attempt: 1, requestBody: '{"type":"message.delivered"}', responseStatus: 503, responseBody: "down", latencyMs: 42, error: "HTTP 503" },
    });
  });

  it("pages an endpoint's deliveries newest first, with the latest attempt, filtered by status", async () => {
    const all = await deliveries(endpoint);
    expect(all.status).toBe(200);
    expect(all.body.data).toHaveLength(4);
    expect(all.body.data.map((d: { event_type: string }) => d.event_type)).toEqual(["message.failed", "message.delivered", "message.delivered", "message.delivered"]);
    expect(all.body.data[0]).toMatchObject({ object: "webhook_delivery", endpoint_id: endpoint, status: "pending", attempt_count: 0, last_attempt: null });
    expect(all.body.data[3]).toMatchObject({ status: "failed", attempt_count: 1, last_attempt: { response_status: 503, latency_ms: 42, error: "HTTP 503" } });

    const failed = await deliveries(endpoint, "?status=failed");
    expect(failed.body.data.map((d: { status: string }) => d.status)).toEqual(["failed"]);
    expect((await deliveries(endpoint, "?status=pending")).body.data).toHaveLength(3);

    const first = await deliveries(endpoint, "?limit=3");
    expect(first.body).toMatchObject({ has_more: true, next_cursor: all.body.data[2].id });
    const rest = await deliveries(endpoint, `?limit=3&starting_after=${first.body.next_cursor}`);
    expect(idsOf(rest)).toEqual([all.body.data[3].id]);
    expect(rest.body.has_more).toBe(false);

    expect(errorOf(await deliveries(endpoint, "?status=lost"))).toEqual({ status: 400, code: "invalid_parameter", param: "status" });
    expect(errorOf(await deliveries(endpoint, "?limit=101"))).toEqual({ status: 400, code: "invalid_parameter", param: "limit" });
    expect(errorOf(await deliveries("we_01jf0000000000000000000000"))).toEqual({ status: 404, code: "not_found", param: "id" });
  });

  it("gets one delivery with its payload and attempts", async () => {
    const failed = (await deliveries(endpoint, "?status=failed")).body.data[0];
    const res = await getDelivery(failed.id);
    expect(res).toMatchObject({
      status: 200,
      body: {
        id: failed.id,
        endpoint_id: endpoint,
        event_type: "message.delivered",
        status: "failed",
        attempt_count: 1,
        payload: { type: "message.delivered", data: { id: expect.stringMatching(/^msg_/) } },
        attempts: [{ attempt: 1, response_status: 503, response_body: "down", request_body: '{"type":"message.delivered"}', error: "HTTP 503" }],
      },
    });
    expect(errorOf(await getDelivery("wd_01jf0000000000000000000000"))).toEqual({ status: 404, code: "not_found", param: "id" });
  });

  it("replays a delivery as a new pending one of the same event (201)", async () => {
    const failed = (await deliveries(endpoint, "?status=failed")).body.data[0];
    const res = await replayDelivery(failed.id);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ object: "webhook_delivery", endpoint_id: endpoint, event_id: failed.event_id, event_type: "message.delivered", status: "pending", attempts: [] });
    expect(res.body.id).not.toBe(failed.id);
    expect(idsOf(await deliveries(endpoint, "?limit=1"))).toEqual([res.body.id]);
    expect((await getDelivery(failed.id)).body.status).toBe("failed");
    expect(errorOf(await replayDelivery("wd_01jf0000000000000000000000"))).toEqual({ status: 404, code: "not_found", param: "id" });
  });
});

describe("who may call", () => {
  it("needs webhooks:manage for every operation, reads included (403 insufficient_scope naming it)", async () => {
    const { id } = await newEndpoint();
    await emit("message.delivered");
    const deliveryId = (await deliveries(id)).body.data[0].id as string;
    for (const res of [
      await create({ url: PUBLIC_URL, event_types: ["message.sent"] }, otherScopesA),
      await page("", otherScopesA),
      await get(id, otherScopesA),
      await update(id, { enabled: false }, otherScopesA),
      await remove(id, otherScopesA),
      await rotate(id, otherScopesA),
      await deliveries(id, "", otherScopesA),
      await getDelivery(deliveryId, otherScopesA),
      await replayDelivery(deliveryId, otherScopesA),
    ]) {
      expect(errorOf(res)).toEqual({ status: 403, code: "insufficient_scope", param: null });
      expect(res.body.error.message).toContain("webhooks:manage");
    }
    expect(await get(id)).toMatchObject({ status: 200, body: { enabled: true } });
    expect(await db.webhookDelivery.count({ where: { endpointId: id } })).toBe(1);
    expect(errorOf(await page("", null))).toEqual({ status: 401, code: "missing_api_key", param: null });
  });

  it("keeps organisations apart: org B's key gets 404 on org A's endpoint and deliveries, and changes nothing", async () => {
    const { id, secret } = await newEndpoint();
    await emit("message.delivered");
    const deliveryId = (await deliveries(id)).body.data[0].id as string;
    for (const res of [
      await get(id, managerB),
      await update(id, { url: `${PUBLIC_URL}/stolen`, enabled: false }, managerB),
      await rotate(id, managerB),
      await deliveries(id, "", managerB),
      await getDelivery(deliveryId, managerB),
      await replayDelivery(deliveryId, managerB),
      await remove(id, managerB),
    ]) {
      expect(errorOf(res)).toEqual({ status: 404, code: "not_found", param: "id" });
    }
    expect(idsOf(await page("?limit=100", managerB))).not.toContain(id);
    const stored = await db.webhookEndpoint.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ url: PUBLIC_URL, enabled: true, secret });
    expect(await db.webhookDelivery.count({ where: { endpointId: id } })).toBe(1);
  });
});
