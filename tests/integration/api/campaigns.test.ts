// The campaigns resource of REST v1, called as a client calls it: a draft created in snake_case,
// planned, sent, followed (its status and counts), paused, resumed and canceled, and its stats with
// real numbers; errors naming the field, state conflicts, scopes and Idempotency-Key. The fan-out
// job's steps are run here as the job runs them (no executor): start, then chunks.
import { beforeAll, describe, expect, it } from "vitest";
import { apiRequest, call, createTestApiKey, routeParams, setupApiDatabase } from "../helpers/api";

const { db } = await setupApiDatabase();
const campaigns = await import("@/app/api/v1/campaigns/route");
const one = await import("@/app/api/v1/campaigns/[id]/route");
const planRoute = await import("@/app/api/v1/campaigns/[id]/plan/route");
const scheduleRoute = await import("@/app/api/v1/campaigns/[id]/schedule/route");
const pauseRoute = await import("@/app/api/v1/campaigns/[id]/pause/route");
const resumeRoute = await import("@/app/api/v1/campaigns/[id]/resume/route");
const cancelRoute = await import("@/app/api/v1/campaigns/[id]/cancel/route");
const statsRoute = await import("@/app/api/v1/campaigns/[id]/stats/route");
const { campaignOrg, makeList, phone, seedContacts } = await import("../campaigns/campaign-helpers");
const { fanOutChunk } = await import("@/lib/campaigns/fan-out-chunk");
const { startCampaign } = await import("@/lib/campaigns/start-campaign");
const { systemSql } = await import("@/lib/db/sql");
const { applyStatusChanges } = await import("@/lib/messaging/message-history");
const { receiveMessage } = await import("@/lib/messaging/receive-message");
type OrgContext = import("@/lib/org-context").OrgContext;

let ctx: OrgContext;
let sender: { id: string; address: string; connectionId: string };
let listId: string;
let writer: string;
let reader: string;
let contactsOnly: string;

type Res = Awaited<ReturnType<typeof call>>;
const errorOf = (res: Res) => ({ status: res.status, code: res.body.error?.code, param: res.body.error?.param });
const post = (path: string, body: unknown, token: string, headers?: Record<string, string>) => apiRequest(path, { method: "POST", token, body, headers });
const create = (body: unknown, token = writer, headers?: Record<string, string>) => call(campaigns.POST(post("/api/v1/campaigns", body, token, headers)));
const list = (query = "", token = reader) => call(campaigns.GET(apiRequest(`/api/v1/campaigns${query}`, { token })));
const get = (id: string, token = reader) => call(one.GET(apiRequest(`/api/v1/campaigns/${id}`, { token }), routeParams({ id })));
const plan = (id: string, token = reader) => call(planRoute.GET(apiRequest(`/api/v1/campaigns/${id}/plan`, { token }), routeParams({ id })));
const stats = (id: string, query = "", token = reader) => call(statsRoute.GET(apiRequest(`/api/v1/campaigns/${id}/stats${query}`, { token }), routeParams({ id })));
const schedule = (id: string, body?: unknown, token = writer) => call(scheduleRoute.POST(post(`/api/v1/campaigns/${id}/schedule`, body, token), routeParams({ id })));
const control = (route: typeof pauseRoute, action: string) => (id: string, token = writer) =>
  call(route.POST(post(`/api/v1/campaigns/${id}/${action}`, undefined, token), routeParams({ id })));
const pause = control(pauseRoute, "pause");
const resume = control(resumeRoute, "resume");
const cancel = control(cancelRoute, "cancel");

const draft = (overrides: Record<string, unknown> = {}) => ({
  name: "Weekend brunch",
  body: "Hi {{first_name|there}}, brunch is on us",
  audience: { include: { list_ids: [listId] } },
  sender_ids: [sender.id],
  ...overrides,
});

/** A wall time `days` ahead, in UTC, as the API takes it ("2026-12-15T10:00"). */
const wallTimeIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 14) + "00";

/** What the fan-out job does once a campaign is due: resolve its audience, then make its messages. */
async function runFanOut(id: string) {
  expect(await startCampaign(ctx, id)).toEqual({ go: true });
  for (;;) {
    const outcome = await fanOutChunk(ctx, id, { maxChunk: 50, leadSeconds: 3600 });
    if (outcome.kind !== "created") return outcome;
  }
}

async function sent(name: string) {
  const created = await create(draft({ name }));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  expect((await schedule(created.body.id)).status).toBe(200);
  expect(await runFanOut(created.body.id)).toEqual({ kind: "fanned-out" });
  return created.body.id as string;
}

beforeAll(async () => {
  const org = await campaignOrg(db);
  ctx = org.ctx;
  sender = org.sender;
  listId = (await makeList(db, ctx, "Brunch regulars")).id;
  await seedContacts(db, ctx, [
    { phone: phone(1), firstName: "Ann", lists: [listId] },
    { phone: phone(2), firstName: "Bob", lists: [listId] },
    { phone: phone(3), firstName: null, lists: [listId] },
    { phone: phone(4), firstName: "Dan", lists: [listId] },
    { phone: phone(5), firstName: "Eve", lists: [listId], optedOut: true },
    { phone: "12345", firstName: "Fay", lists: [listId] }, // not E.164
  ]);
  writer = (await createTestApiKey(db, org.org.id, ["campaigns:read", "campaigns:write"])).token;
  reader = (await createTestApiKey(db, org.org.id, ["campaigns:read"])).token;
  contactsOnly = (await createTestApiKey(db, org.org.id, ["contacts:read", "contacts:write"])).token;
});

describe("POST and GET /api/v1/campaigns", () => {
  it("creates a draft from snake_case, answers it as sent, and stores it in the domain's names", async () => {
    const res = await create(draft({ append_opt_out: "every" }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      object: "campaign",
      status: "draft",
      name: "Weekend brunch",
      body: "Hi {{first_name|there}}, brunch is on us",
      media_ids: [],
      audience: { include: { list_ids: [listId], segment_ids: [] }, exclude: { list_ids: [], segment_ids: [] } },
      sender_ids: [sender.id],
      schedule: { kind: "now" },
      append_opt_out: "every",
      recipients: null,
      messages: null,
      start_at: null,
      started_at: null,
    });
    expect(res.body.id).toMatch(/^cmp_/);
    const stored = await db.campaign.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(stored).toMatchObject({ status: "DRAFT", appendOptOut: "every", audience: { include: { listIds: [listId], segmentIds: [] } } });
    const audit = await db.auditLog.findFirstOrThrow({ where: { targetId: res.body.id, action: "campaign.created" } });
    expect(audit.actorType).toBe("API_KEY");
    expect(await get(res.body.id)).toMatchObject({ status: 200, body: { id: res.body.id, status: "draft", messages: null } });
  });

  it("pages newest first with limit and starting_after", async () => {
    const older = (await create(draft({ name: "Older" }))).body.id;
    const newer = (await create(draft({ name: "Newer" }))).body.id;
    const first = await list("?limit=1");
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ has_more: true, next_cursor: newer, data: [{ id: newer, object: "campaign", name: "Newer" }] });
    const next = await list(`?limit=1&starting_after=${newer}`);
    expect(next.body.data.map((c: { id: string }) => c.id)).toEqual([older]);
    expect(errorOf(await list("?limit=500"))).toEqual({ status: 400, code: "invalid_parameter", param: "limit" });
  });

  it("takes every kind of schedule in the API's names and answers it as given", async () => {
    const cases = [
      { kind: "at", local_time: wallTimeIn(2), zone: "America/New_York" },
      { kind: "local", local_time: wallTimeIn(2), fallback_zone: "America/Chicago" },
      { kind: "spread", hours: 6 },
      { kind: "spread", hours: 6, local_time: wallTimeIn(2), zone: "UTC" },
    ];
    for (const given of cases) {
      const res = await create(draft({ name: `Schedule ${given.kind}`, schedule: given }));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.schedule).toEqual(given);
    }
  });

  it("names the offending field in the API's spelling", async () => {
    const cases: [Record<string, unknown>, number, string, string | null][] = [
      [{ body: "Hi {{frist_name}}" }, 400, "unknown_merge_field", "body"],
      [{ body: "" }, 400, "invalid_parameter", "body"],
      [{ name: undefined }, 400, "invalid_parameter", "name"],
      [{ sender_ids: ["snd_nope"] }, 400, "unknown_sender", "sender_ids"],
      [{ sender_ids: [] }, 400, "invalid_parameter", "sender_ids"],
      [{ audience: { include: { list_ids: ["lst_nope"] } } }, 400, "invalid_parameter", "audience.include.list_ids[0]"],
      [{ audience: { include: { list_ids: [listId] }, exclude: { segment_ids: ["seg_nope"] } } }, 400, "invalid_parameter", "audience.exclude.segment_ids[0]"],
      [{ audience: { include: {} } }, 400, "invalid_parameter", "audience.include"],
      [{ audience: { include: { lists: [listId] } } }, 400, "unknown_parameter", "audience.include.lists"],
      [{ media_ids: ["med_000000000000000000000000"] }, 400, "media_not_found", "media_ids"],
      [{ schedule: { kind: "at", local_time: wallTimeIn(2) } }, 400, "invalid_parameter", "schedule.zone"],
      [{ schedule: { kind: "at", local_time: "tomorrow", zone: "UTC" } }, 400, "invalid_parameter", "schedule.local_time"],
      [{ schedule: { kind: "at", local_time: wallTimeIn(2), zone: "Mars/Olympus" } }, 400, "invalid_parameter", "schedule.zone"],
      [{ schedule: { kind: "now", zone: "UTC" } }, 400, "unknown_parameter", "schedule.zone"],
      [{ schedule: { kind: "spread", hours: 2, local_time: wallTimeIn(2) } }, 400, "invalid_parameter", "schedule.zone"],
      [{ schedule: { kind: "spread", hours: 100 } }, 400, "invalid_parameter", "schedule.hours"],
      [{ sendAt: "now" }, 400, "unknown_parameter", "sendAt"],
    ];
    for (const [overrides, status, code, param] of cases) {
      expect(errorOf(await create(draft({ name: "Bad", ...overrides }))), JSON.stringify(overrides)).toEqual({ status, code, param });
    }
    expect(await db.campaign.count({ where: { orgId: ctx.orgId, name: "Bad" } })).toBe(0);
  });

  it("answers 404 for a campaign that does not exist", async () => {
    for (const res of [await get("cmp_nope"), await plan("cmp_nope"), await stats("cmp_nope"), await schedule("cmp_nope"), await pause("cmp_nope"), await cancel("cmp_nope")]) {
      expect(errorOf(res)).toEqual({ status: 404, code: "not_found", param: "id" });
    }
  });

  it("returns the same campaign for a retried create with the same Idempotency-Key, and refuses the key with another body", async () => {
    const key = { "idempotency-key": "create-brunch-1" };
    const first = await create(draft({ name: "Retried" }), writer, key);
    const again = await create(draft({ name: "Retried" }), writer, key);
    expect(first.status).toBe(201);
    expect(again).toMatchObject({ status: 201, body: { id: first.body.id } });
    expect(await db.campaign.count({ where: { orgId: ctx.orgId, name: "Retried" } })).toBe(1);
    expect(errorOf(await create(draft({ name: "Another" }), writer, key))).toEqual({ status: 422, code: "idempotency_key_reused", param: "Idempotency-Key" });
  });
});

describe("scopes", () => {
  it("needs campaigns:write to create and control, campaigns:read to read", async () => {
    const refusal = await create(draft({ name: "By a reader" }), reader);
    expect(errorOf(refusal)).toEqual({ status: 403, code: "insufficient_scope", param: null });
    expect(refusal.body.error.message).toContain("campaigns:write");
    const id = (await create(draft({ name: "Scoped" }))).body.id;
    expect(errorOf(await schedule(id, undefined, reader))).toMatchObject({ status: 403, code: "insufficient_scope" });
    expect(errorOf(await cancel(id, reader))).toMatchObject({ status: 403, code: "insufficient_scope" });
    for (const res of [await list("", reader), await get(id, reader), await plan(id, reader), await stats(id, "", reader)]) expect(res.status).toBe(200);
    const outsider = await list("", contactsOnly);
    expect(errorOf(outsider)).toEqual({ status: 403, code: "insufficient_scope", param: null });
    expect(outsider.body.error.message).toContain("campaigns:read");
  });
});

describe("plan, send and control", () => {
  it("plans a draft: recipients, skipped by reason, segments and cost", async () => {
    const id = (await create(draft({ name: "Planned" }))).body.id;
    const res = await plan(id);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const connection = await db.carrierConnection.findUniqueOrThrow({ where: { id: sender.connectionId } });
    expect(res.body).toMatchObject({
      object: "campaign_plan",
      campaign_id: id,
      recipients: 4,
      skipped: { opted_out: 1, invalid_number: 1, frequency_capped: 0 },
      duplicates: 0,
      segments: 4,
      cost_micros: 4 * connection.smsPriceMicros,
      by_segments: [{ segments: 1, recipients: 4 }],
      ucs2: null,
      senders: [{ id: sender.id, address: sender.address, recipients: 4 }],
    });
    expect(Date.parse(res.body.start_at)).not.toBeNaN();
  });

  it("sends now: scheduled, then sending with its progress, paused, resumed and canceled, each refused in the wrong state", async () => {
    const id = (await create(draft({ name: "Sent now" }))).body.id;
    expect(errorOf(await pause(id))).toEqual({ status: 409, code: "campaign_status_conflict", param: "id" });
    expect(errorOf(await resume(id))).toEqual({ status: 409, code: "campaign_status_conflict", param: "id" });

    const scheduled = await schedule(id);
    expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(200);
    expect(scheduled.body).toMatchObject({ status: "scheduled", schedule: { kind: "now" }, messages: null });
    expect(Math.abs(Date.parse(scheduled.body.start_at) - Date.now())).toBeLessThan(60_000);

    // The job resolves the audience at the start: four recipients, nothing made yet.
    expect(await startCampaign(ctx, id)).toEqual({ go: true });
    const started = await get(id);
    expect(started.body).toMatchObject({ status: "sending", recipients: 4, messages: { queued: 0, sent: 0 } });
    expect(started.body.started_at).not.toBeNull();
    expect(errorOf(await schedule(id))).toEqual({ status: 409, code: "campaign_status_conflict", param: "id" });
    expect(errorOf(await resume(id))).toEqual({ status: 409, code: "campaign_status_conflict", param: "id" });

    await fanOutChunk(ctx, id, { maxChunk: 50, leadSeconds: 3600 });
    expect((await get(id)).body.messages).toEqual({ scheduled: 0, queued: 4, sending: 0, sent: 0, delivered: 0, undelivered: 0, failed: 0, canceled: 0 });
    expect((await list()).body.data.find((c: { id: string }) => c.id === id)).toMatchObject({ status: "sending", recipients: 4, messages: { queued: 4 } });

    const paused = await pause(id);
    expect(paused).toMatchObject({ status: 200, body: { status: "paused", messages: { scheduled: 4, queued: 0 } } });
    expect(errorOf(await pause(id))).toEqual({ status: 409, code: "campaign_status_conflict", param: "id" });
    const resumed = await resume(id);
    expect(resumed).toMatchObject({ status: 200, body: { status: "sending", messages: { scheduled: 0, queued: 4 } } });

    // One already with the carrier goes on; the three waiting are canceled.
    const [withCarrier] = await db.message.findMany({ where: { campaignId: id }, take: 1 });
    await applyStatusChanges(systemSql(db), "SENDING", [{ messageId: withCarrier!.id, to: "SENDING" }], "dispatcher");
    const canceled = await cancel(id);
    expect(canceled.status, JSON.stringify(canceled.body)).toBe(200);
    expect(canceled.body).toMatchObject({ status: "canceled", canceled_messages: 3, not_sent: 0, messages: { sending: 1, canceled: 3 } });
    expect(canceled.body.canceled_at).not.toBeNull();
    expect(errorOf(await cancel(id))).toEqual({ status: 409, code: "campaign_status_conflict", param: "id" });
    const actions = await db.auditLog.findMany({ where: { targetId: id }, orderBy: { id: "asc" }, select: { action: true, actorType: true } });
    expect(actions.map((a) => a.action)).toEqual(["campaign.created", "campaign.scheduled", "campaign.paused", "campaign.resumed", "campaign.canceled"]);
    expect(actions.every((a) => a.actorType === "API_KEY")).toBe(true);
  });

  it("schedules at a time, moves it with a new schedule, checks the time, and cancels it before it starts", async () => {
    const id = (await create(draft({ name: "Later" }))).body.id;
    const at = wallTimeIn(3);
    const scheduled = await schedule(id, { schedule: { kind: "at", local_time: at, zone: "UTC" } });
    expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(200);
    expect(scheduled.body).toMatchObject({ status: "scheduled", schedule: { kind: "at", local_time: at, zone: "UTC" }, start_at: `${at}:00.000Z` });
    const later = wallTimeIn(4);
    expect((await schedule(id, { schedule: { kind: "at", local_time: later, zone: "UTC" } })).body.start_at).toBe(`${later}:00.000Z`);
    expect(errorOf(await schedule(id, { schedule: { kind: "at", local_time: wallTimeIn(-1), zone: "UTC" } }))).toEqual({ status: 400, code: "invalid_send_at", param: "schedule.local_time" });
    expect(errorOf(await schedule(id, { when: "now" }))).toEqual({ status: 400, code: "unknown_parameter", param: "when" });
    expect((await get(id)).body.start_at).toBe(`${later}:00.000Z`);
    expect(await cancel(id)).toMatchObject({ status: 200, body: { status: "canceled", canceled_messages: 0, not_sent: 0, messages: null } });
  });
});

describe("GET /api/v1/campaigns/{id}/stats", () => {
  it("answers the funnel and its rates with the campaign's real numbers", async () => {
    const id = await sent("Measured");
    const messages = await db.message.findMany({ where: { campaignId: id }, orderBy: { to: "asc" } });
    expect(messages).toHaveLength(4);
    const sql = systemSql(db);
    const move = (to: "SENDING" | "SENT" | "DELIVERED" | "UNDELIVERED" | "FAILED", which: number[], error?: { errorCode: string; errorMessage: string }) =>
      applyStatusChanges(sql, to, which.map((i) => ({ messageId: messages[i]!.id, to, ...error })), "carrier");
    await move("SENDING", [0, 1, 2, 3]);
    await move("SENT", [0, 1, 2]);
    await move("DELIVERED", [0, 1]);
    await move("UNDELIVERED", [2], { errorCode: "30003", errorMessage: "Unreachable destination handset" });
    await move("FAILED", [3], { errorCode: "30007", errorMessage: "Carrier violation" });
    // Ann replies; Bob opts out (a STOP is a reply too).
    const reply = (from: string, body: string) => receiveMessage(db, sender.connectionId, { from, to: sender.address, body, media: [], receivedAt: new Date() });
    await reply(messages[0]!.to, "Is it on Saturday too?");
    await reply(messages[1]!.to, "STOP");

    const res = await stats(id);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      object: "campaign_stats",
      campaign_id: id,
      status: "sending",
      started_at: expect.any(String),
      completed_at: null,
      reply_days: 5,
      funnel: {
        recipients: 4,
        skipped: { opted_out: 1, invalid_number: 1, frequency_capped: 0 },
        duplicates: 0,
        waiting: 0,
        held: 0,
        queued: 0,
        sent: 3,
        delivered: 2,
        undelivered: 1,
        failed: 1,
        canceled: 0,
        // Its text has no link to click (tests/integration/links/ counts clicks).
        clicked: 0,
        clicks: 0,
        replied: 2,
        opted_out: 1,
      },
      rates: { delivery: 2 / 3, click: 0, reply: 2 / 3, opt_out: 1 / 3 },
      variants: [],
      winner: null,
      explanation: null,
    });
    expect((await stats(id, "?reply_days=1")).body.reply_days).toBe(1);
    expect(errorOf(await stats(id, "?reply_days=0"))).toEqual({ status: 400, code: "invalid_parameter", param: "reply_days" });
    expect(errorOf(await stats(id, "?reply_days=soon"))).toEqual({ status: 400, code: "invalid_parameter", param: "reply_days" });
    expect(errorOf(await stats(id, "?days=1"))).toEqual({ status: 400, code: "unknown_parameter", param: "days" });
  });

  it("answers rates of null before any message is sent", async () => {
    const id = (await create(draft({ name: "Unsent" }))).body.id;
    expect((await stats(id)).body).toMatchObject({ status: "draft", funnel: { recipients: 0, sent: 0 }, rates: { delivery: null, reply: null, opt_out: null } });
  });
});

describe("A/B tests through the API", () => {
  const variants = [
    { body: "A: hi {{first_name|there}}", media_ids: [] },
    { body: "B: hello {{first_name|there}}", media_ids: [] },
  ];

  it("creates and gets a split test's variants and settings, and answers its stats per variant", async () => {
    const { name, audience, sender_ids } = draft({ name: "Split brunch" });
    const res = await create({ name, audience, sender_ids, variants, ab_test: { mode: "split" } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      body: "A: hi {{first_name|there}}",
      variants: [{ variant: "A", ...variants[0] }, { variant: "B", ...variants[1] }],
      ab_test: { mode: "split", share_percent: null, winner: null, explanation: null },
    });
    const id = res.body.id as string;
    expect((await get(id)).body.variants).toHaveLength(2);
    expect((await schedule(id)).status).toBe(200);
    expect(await runFanOut(id)).toEqual({ kind: "fanned-out" });
    const rows = await db.campaignRecipient.findMany({ where: { campaignId: id, skipReason: null }, select: { variant: true, messageId: true } });
    const bodies = await db.message.findMany({ where: { campaignId: id }, select: { id: true, body: true } });
    expect(rows.every((r) => bodies.find((m) => m.id === r.messageId)!.body.startsWith("AB"[r.variant!]!))).toBe(true);
    const answered = (await stats(id)).body;
    const count = (v: number) => rows.filter((r) => r.variant === v).length;
    expect(answered.variants.map((v: { variant: string; recipients: number }) => [v.variant, v.recipients])).toEqual([["A", count(0)], ["B", count(1)]]);
    expect(Math.abs(count(0) - count(1))).toBeLessThanOrEqual(1);
    expect(answered.variants[0].rates).toEqual({ delivery: null, click: null, reply: null, opt_out: null });
    expect(answered.winner).toBeNull();
  });

  it("takes a test then winner's settings with their defaults, and refuses to send one whose audience is too small to test", async () => {
    const res = await create({ ...draft({ name: "Winner brunch" }), body: "", variants, ab_test: { mode: "winner", wait_minutes: 30 } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.ab_test).toMatchObject({ mode: "winner", share_percent: 20, wait_minutes: 30, metric: "clicks", decide_at: null });
    const refused = await schedule(res.body.id);
    expect(errorOf(refused)).toEqual({ status: 400, code: "invalid_parameter", param: "ab_test.share_percent" });
    expect(refused.body.error.message).toMatch(/^Too few recipients to test/);
  });

  it("names the variant or setting at fault in the API's spelling", async () => {
    const bad = (body: Record<string, unknown>) => create({ ...draft({ name: "Bad" }), ...body });
    expect(errorOf(await bad({ variants: [variants[0], { body: "Hi {{nickname}}" }], ab_test: { mode: "split" } }))).toEqual({
      status: 400, code: "unknown_merge_field", param: "variants[1].body",
    });
    expect(errorOf(await bad({ variants: [variants[0], { body: " " }], ab_test: { mode: "split" } }))).toMatchObject({ status: 400, param: "variants[1].body" });
    expect(errorOf(await bad({ ab_test: { mode: "split" } }))).toMatchObject({ status: 400, param: "ab_test" });
    expect(errorOf(await bad({ variants, ab_test: { mode: "winner", share_percent: 70 } }))).toMatchObject({ status: 400, param: "ab_test.share_percent" });
    expect(errorOf(await bad({ variants, ab_test: { mode: "split", wait_minutes: 5 } }))).toMatchObject({ status: 400, code: "unknown_parameter", param: "ab_test.wait_minutes" });
  });
});
