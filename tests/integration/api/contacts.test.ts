// The contacts resource of REST v1, called as a client calls it: create, list with filters and pages,
// get with lists, update, delete, upsert by phone (also racing itself), opt-out and opt-in with their
// consent history and webhooks; scopes, idempotency and tenant isolation.
import { beforeAll, describe, expect, it } from "vitest";
import { apiRequest, call, createTestApiKey, routeParams, setupApiDatabase } from "../helpers/api";

const { db } = await setupApiDatabase();
const contacts = await import("@/app/api/v1/contacts/route");
const upsert = await import("@/app/api/v1/contacts/upsert/route");
const one = await import("@/app/api/v1/contacts/[id]/route");
const optOut = await import("@/app/api/v1/contacts/[id]/opt_out/route");
const optIn = await import("@/app/api/v1/contacts/[id]/opt_in/route");
const messages = await import("@/app/api/v1/messages/route");
const { createOrgWithOwner } = await import("../helpers/factories");
const { newId } = await import("@/lib/ids");

let orgA: string;
let writerA: string;
let readerA: string;
let senderOnlyA: string;
let writerB: string;

beforeAll(async () => {
  const a = await createOrgWithOwner(db, { defaultCountry: "US" });
  orgA = a.org.id;
  writerA = (await createTestApiKey(db, orgA, ["contacts:read", "contacts:write", "messages:send", "messages:transactional"])).token;
  readerA = (await createTestApiKey(db, orgA, ["contacts:read"])).token;
  senderOnlyA = (await createTestApiKey(db, orgA, ["messages:send"])).token;
  const b = await createOrgWithOwner(db, { defaultCountry: "US" });
  writerB = (await createTestApiKey(db, b.org.id, ["contacts:read", "contacts:write"])).token;
  await db.customFieldDefinition.create({ data: { id: newId("customField"), orgId: orgA, key: "visits", label: "Visits", type: "NUMBER" } });
});

const create = (body: unknown, token = writerA, headers: Record<string, string> = {}) => call(contacts.POST(apiRequest("/api/v1/contacts", { token, body, headers })));
const list = (query = "", token = writerA) => call(contacts.GET(apiRequest(`/api/v1/contacts${query}`, { token })));
const get = (id: string, token = writerA) => call(one.GET(apiRequest(`/api/v1/contacts/${id}`, { token }), routeParams({ id })));
const patch = (id: string, body: unknown, token = writerA) => call(one.PATCH(apiRequest(`/api/v1/contacts/${id}`, { method: "PATCH", token, body }), routeParams({ id })));
const remove = (id: string, token = writerA) => call(one.DELETE(apiRequest(`/api/v1/contacts/${id}`, { method: "DELETE", token }), routeParams({ id })));
const upsertReq = (body: unknown, token = writerA) => call(upsert.POST(apiRequest("/api/v1/contacts/upsert", { token, body })));
const optOutReq = (id: string, token = writerA) => call(optOut.POST(apiRequest(`/api/v1/contacts/${id}/opt_out`, { method: "POST", token }), routeParams({ id })));
const optInReq = (id: string, token = writerA) => call(optIn.POST(apiRequest(`/api/v1/contacts/${id}/opt_in`, { method: "POST", token }), routeParams({ id })));
const errorOf = (res: Awaited<ReturnType<typeof call>>) => ({ status: res.status, code: res.body.error?.code, param: res.body.error?.param });

describe("POST /api/v1/contacts", () => {
  it("creates the contact, opted in, and answers 201 with it in snake_case", async () => {
    const res = await create({ phone: "(415) 555-3001", first_name: "Ava", last_name: "Chen", email: "Ava@Example.com", tags: ["VIP"], custom_fields: { visits: "3" } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      object: "contact",
      phone: "+14155553001",
      first_name: "Ava",
      last_name: "Chen",
      email: "ava@example.com",
      time_zone: "America/Los_Angeles",
      tags: ["vip"],
      custom_fields: { visits: 3 },
      subscription_status: "subscribed",
      unsubscribed_at: null,
      unsubscribe_source: null,
    });
    expect(res.body.id).toMatch(/^ct_/);
    expect(new Date(res.body.subscribed_at).toISOString()).toBe(res.body.subscribed_at);
    expect(await db.auditLog.count({ where: { orgId: orgA, action: "contact.created", targetId: res.body.id, actorType: "API_KEY" } })).toBe(1);
  });

  it("refuses a number that is already a contact with 409 contact_exists on phone", async () => {
    await create({ phone: "+14155553002" });
    const res = await create({ phone: "415-555-3002" });
    expect(errorOf(res)).toEqual({ status: 409, code: "contact_exists", param: "phone" });
  });

  it("names the parameter of each refusal, and refuses unknown fields", async () => {
    const cases: [unknown, string, string][] = [
      [{ phone: "12" }, "invalid_phone_number", "phone"],
      [{ first_name: "Ava" }, "invalid_parameter", "phone"],
      [{ phone: "+14155553003", email: "not-an-email" }, "invalid_parameter", "email"],
      [{ phone: "+14155553003", time_zone: "Mars/Olympus" }, "invalid_parameter", "time_zone"],
      [{ phone: "+14155553003", tags: ["ok", "no/slash"] }, "invalid_parameter", "tags[1]"],
      [{ phone: "+14155553003", custom_fields: { shoe_size: 42 } }, "invalid_parameter", "custom_fields.shoe_size"],
      [{ phone: "+14155553003", custom_fields: { visits: "many" } }, "invalid_parameter", "custom_fields.visits"],
      [{ phone: "+14155553003", firstName: "Ava" }, "unknown_parameter", "firstName"],
      [{ phone: "+14155553003", subscription_status: "unsubscribed" }, "unknown_parameter", "subscription_status"],
      [{ phone: 14155553003 }, "invalid_parameter", "phone"],
    ];
    for (const [body, code, param] of cases) expect(errorOf(await create(body)), JSON.stringify(body)).toEqual({ status: 400, code, param });
    expect(await db.contact.count({ where: { orgId: orgA, phone: "+14155553003" } })).toBe(0);
  });

  it("creates once for a repeated Idempotency-Key, and refuses the key with another body", async () => {
    const headers = { "idempotency-key": "import-row-17" };
    const first = await create({ phone: "+14155553004", first_name: "Liam" }, writerA, headers);
    const again = await create({ phone: "+14155553004", first_name: "Liam" }, writerA, headers);
    expect(first.status).toBe(201);
    expect(again).toMatchObject({ status: 201, body: { id: first.body.id } });
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(errorOf(await create({ phone: "+14155553005" }, writerA, headers))).toEqual({ status: 422, code: "idempotency_key_reused", param: "Idempotency-Key" });
    expect(await db.contact.count({ where: { orgId: orgA, phone: { in: ["+14155553004", "+14155553005"] } } })).toBe(1);
  });

  it("answers 401 without a key and 403 naming the scope a key lacks", async () => {
    expect(errorOf(await create({ phone: "+14155553006" }, ""))).toEqual({ status: 401, code: "missing_api_key", param: null });
    const reader = await create({ phone: "+14155553006" }, readerA);
    expect(errorOf(reader)).toEqual({ status: 403, code: "insufficient_scope", param: null });
    expect(reader.body.error.message).toContain("contacts:write");
    const sender = await list("", senderOnlyA);
    expect(sender.status).toBe(403);
    expect(sender.body.error.message).toContain("contacts:read");
    expect(await db.contact.count({ where: { orgId: orgA, phone: "+14155553006" } })).toBe(0);
  });
});

describe("GET /api/v1/contacts", () => {
  it("pages newest first with limit and starting_after, and filters by tag, status, search and list", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await create({ phone: `+1415555310${i}`, first_name: `Pager${i}`, tags: ["paged"] })).body.id);
    const seen: string[] = [];
    let cursor = "";
    for (let pageNo = 0; pageNo < 3; pageNo++) {
      const res = await list(`?tag=paged&limit=2${cursor}`, readerA);
      expect(res.status).toBe(200);
      seen.push(...res.body.data.map((c: { id: string }) => c.id));
      expect(res.body.has_more).toBe(pageNo < 2);
      cursor = `&starting_after=${res.body.next_cursor}`;
    }
    expect(seen).toEqual([...ids].reverse());
    expect((await list("?tag=paged")).body.data[0]).toHaveProperty("custom_fields", {});

    const idsOf = (res: Awaited<ReturnType<typeof list>>) => res.body.data.map((c: { id: string }) => c.id);
    await db.contact.update({ where: { id: ids[1] }, data: { consentStatus: "OPTED_OUT" } });
    expect(idsOf(await list("?tag=paged&status=unsubscribed"))).toEqual([ids[1]]);
    expect(idsOf(await list("?search=pager3"))).toEqual([ids[3]]);
    const listId = newId("list");
    await db.contactList.create({ data: { id: listId, orgId: orgA, name: "Filtered", members: { create: [{ contactId: ids[2]!, orgId: orgA }] } } });
    expect(idsOf(await list(`?list_id=${listId}`))).toEqual([ids[2]]);
  });

  it("refuses unknown and malformed parameters, naming them", async () => {
    for (const [query, code, param] of [
      ["?status=opted_out", "invalid_parameter", "status"],
      ["?limit=101", "invalid_parameter", "limit"],
      ["?tag=a%2Fb", "invalid_parameter", "tag"],
      ["?listId=lst_1", "unknown_parameter", "listId"],
      ["?search=a&search=b", "invalid_parameter", "search"],
    ] as const) {
      expect(errorOf(await list(query)), query).toEqual({ status: 400, code, param });
    }
  });
});

describe("GET, PATCH and DELETE /api/v1/contacts/{id}", () => {
  it("gets the contact with its lists", async () => {
    const contact = await create({ phone: "+14155553201" });
    const listId = newId("list");
    await db.contactList.create({ data: { id: listId, orgId: orgA, name: "Brunch", members: { create: [{ contactId: contact.body.id, orgId: orgA }] } } });
    const res = await get(contact.body.id, readerA);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: contact.body.id, phone: "+14155553201", lists: [{ id: listId, name: "Brunch", added_at: expect.any(String) }] });
  });

  it("changes only the fields given; null clears one", async () => {
    const contact = await create({ phone: "+14155553202", first_name: "Noa", last_name: "Levi", tags: ["a"], custom_fields: { visits: 1 } });
    const res = await patch(contact.body.id, { last_name: null, tags: ["b"], custom_fields: { visits: 2 } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ first_name: "Noa", last_name: null, tags: ["b"], custom_fields: { visits: 2 }, phone: "+14155553202" });
    expect((await patch(contact.body.id, {})).body).toMatchObject({ first_name: "Noa", tags: ["b"] });
    const audit = await db.auditLog.findFirstOrThrow({ where: { orgId: orgA, action: "contact.updated", targetId: contact.body.id } });
    expect(Object.keys(audit.changes as object).sort()).toEqual(["customFields", "lastName", "tags"]);
  });

  it("refuses bad fields, unknown fields, and a number another contact has", async () => {
    const contact = await create({ phone: "+14155553203" });
    await create({ phone: "+14155553204" });
    expect(errorOf(await patch(contact.body.id, { phone: "+14155553204" }))).toEqual({ status: 409, code: "contact_exists", param: "phone" });
    expect(errorOf(await patch(contact.body.id, { email: "x" }))).toEqual({ status: 400, code: "invalid_parameter", param: "email" });
    expect(errorOf(await patch(contact.body.id, { id: "ct_other" }))).toEqual({ status: 400, code: "unknown_parameter", param: "id" });
    expect(errorOf(await patch(contact.body.id, "[]"))).toEqual({ status: 400, code: "invalid_json", param: null });
    expect(errorOf(await patch(contact.body.id, { first_name: "X" }, readerA))).toEqual({ status: 403, code: "insufficient_scope", param: null });
  });

  it("deletes the contact; then it is not found", async () => {
    const contact = await create({ phone: "+14155553205" });
    expect(await remove(contact.body.id)).toMatchObject({ status: 200, body: { id: contact.body.id, object: "contact", deleted: true } });
    for (const res of [await get(contact.body.id), await remove(contact.body.id), await patch(contact.body.id, { first_name: "X" })]) {
      expect(errorOf(res)).toEqual({ status: 404, code: "not_found", param: "id" });
    }
  });
});

describe("POST /api/v1/contacts/upsert", () => {
  it("creates (201) and then updates (200) the contact with the number, keeping fields not sent", async () => {
    const created = await upsertReq({ phone: "+14155553301", first_name: "Mia", tags: ["new"] });
    expect(created).toMatchObject({ status: 201, body: { phone: "+14155553301", first_name: "Mia", tags: ["new"] } });
    const updated = await upsertReq({ phone: "(415) 555-3301", last_name: "Park" });
    expect(updated).toMatchObject({ status: 200, body: { id: created.body.id, first_name: "Mia", last_name: "Park", tags: ["new"] } });
    const same = await upsertReq({ phone: "+14155553301", last_name: "Park" });
    expect(same.status).toBe(200);
    const actions = (await db.auditLog.findMany({ where: { targetId: created.body.id }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["contact.created", "contact.updated"]);
  });

  it("refuses what create refuses, and rolls back a contact it would have made", async () => {
    expect(errorOf(await upsertReq({ first_name: "X" }))).toEqual({ status: 400, code: "invalid_parameter", param: "phone" });
    expect(errorOf(await upsertReq({ phone: "+14155553302", custom_fields: { nope: 1 } }))).toEqual({ status: 400, code: "invalid_parameter", param: "custom_fields.nope" });
    expect(errorOf(await upsertReq({ phone: "+14155553302", Phone: "x" }))).toEqual({ status: 400, code: "unknown_parameter", param: "Phone" });
    expect(await db.contact.count({ where: { orgId: orgA, phone: "+14155553302" } })).toBe(0);
  });

  it("makes one contact when upserts of a new number race, each answered 200 or 201 (never 500)", async () => {
    for (let round = 0; round < 5; round++) {
      const phone = `+1415555340${round}`;
      const results = await Promise.all(Array.from({ length: 8 }, (_, i) => upsertReq({ phone, first_name: `Racer${i}`, tags: [`t${i}`] })));
      expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
      expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
      expect(await db.contact.count({ where: { orgId: orgA, phone } })).toBe(1);
      // The one that committed last wrote last: the row is one racer's whole write, not a mix.
      const row = await db.contact.findFirstOrThrow({ where: { orgId: orgA, phone } });
      expect(row.tags).toEqual([`t${row.firstName!.slice(5)}`]);
    }
  });

  it("races a plain create: one contact, the create 201 or 409, never 500", async () => {
    const phone = "+14155553410";
    const [created, upserted] = await Promise.all([create({ phone }), upsertReq({ phone, first_name: "Up" })]);
    expect([201, 409]).toContain(created.status);
    expect([200, 201]).toContain(upserted.status);
    expect(await db.contact.count({ where: { orgId: orgA, phone } })).toBe(1);
  });
});

describe("opt-out and opt-in", () => {
  it("opts out as a STOP would: state, consent history, audit, pending marketing canceled, webhook; then back in", async () => {
    const endpointId = newId("webhookEndpoint");
    await db.webhookEndpoint.create({
      data: { id: endpointId, orgId: orgA, url: "http://127.0.0.1:9/hook", eventTypes: ["contact.opted_out", "contact.opted_in"], secret: "whsec_dGVzdA==" },
    });
    const contact = await create({ phone: "+14155553501" });
    const later = new Date(Date.now() + 3_600_000).toISOString();
    const marketing = await call(messages.POST(apiRequest("/api/v1/messages", { token: writerA, body: { to: "+14155553501", body: "Sale tomorrow", send_at: later } })));
    const receipt = await call(messages.POST(apiRequest("/api/v1/messages", { token: writerA, body: { to: "+14155553501", body: "Your receipt", send_at: later, marketing: false } })));

    const out = await optOutReq(contact.body.id);
    expect(out.status).toBe(200);
    expect(out.body).toMatchObject({ id: contact.body.id, subscription_status: "unsubscribed", unsubscribe_source: "api", unsubscribed_at: expect.any(String) });
    expect((await get(contact.body.id)).body).toMatchObject({ subscription_status: "unsubscribed", unsubscribed_at: out.body.unsubscribed_at });
    const consent = await db.consentEvent.findMany({ where: { contactId: contact.body.id } });
    expect(consent).toMatchObject([{ action: "OPT_OUT", source: "api", keyword: null, messageId: null }]);
    expect(consent[0]!.occurredAt.toISOString()).toBe(out.body.unsubscribed_at);
    expect(await db.auditLog.count({ where: { targetId: contact.body.id, action: "contact.opted_out", actorType: "API_KEY" } })).toBe(1);
    expect((await db.message.findUniqueOrThrow({ where: { id: marketing.body.id } })).status).toBe("FAILED");
    expect((await db.message.findUniqueOrThrow({ where: { id: receipt.body.id } })).status).toBe("SCHEDULED");
    const deliveries = await db.webhookDelivery.findMany({ where: { endpointId } });
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]!.payload).toMatchObject({
      type: "contact.opted_out",
      data: { contact_id: contact.body.id, phone: "+14155553501", subscription_status: "unsubscribed", source: "api", keyword: null, message_id: null },
    });
    const refused = await call(messages.POST(apiRequest("/api/v1/messages", { token: writerA, body: { to: "+14155553501", body: "Sale!" } })));
    expect(errorOf(refused)).toEqual({ status: 400, code: "recipient_unsubscribed", param: "to" });

    // Again: already out, nothing more is recorded.
    expect((await optOutReq(contact.body.id)).body.unsubscribed_at).toBe(out.body.unsubscribed_at);
    expect(await db.consentEvent.count({ where: { contactId: contact.body.id } })).toBe(1);

    const back = await optInReq(contact.body.id);
    expect(back.body).toMatchObject({ subscription_status: "subscribed", unsubscribed_at: null, unsubscribe_source: null });
    expect((await db.consentEvent.findMany({ where: { contactId: contact.body.id }, orderBy: { occurredAt: "asc" } })).map((c) => c.action)).toEqual(["OPT_OUT", "OPT_IN"]);
    const types = (await db.webhookDelivery.findMany({ where: { endpointId }, orderBy: { id: "asc" } })).map((d) => d.eventType);
    expect(types).toEqual(["contact.opted_out", "contact.opted_in"]);
    expect(await db.consentEvent.count({ where: { contactId: contact.body.id } })).toBe(2);
    await optInReq(contact.body.id);
    expect(await db.consentEvent.count({ where: { contactId: contact.body.id } })).toBe(2);
    await db.webhookEndpoint.delete({ where: { id: endpointId } });
  });

  it("records one opt-out when several arrive at once", async () => {
    const contact = await create({ phone: "+14155553502" });
    const results = await Promise.all(Array.from({ length: 6 }, () => optOutReq(contact.body.id)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(await db.consentEvent.count({ where: { contactId: contact.body.id } })).toBe(1);
  });

  it("needs contacts:write, and answers 404 for an unknown contact", async () => {
    const contact = await create({ phone: "+14155553503" });
    expect(errorOf(await optOutReq(contact.body.id, readerA))).toEqual({ status: 403, code: "insufficient_scope", param: null });
    expect(errorOf(await optOutReq("ct_nope"))).toEqual({ status: 404, code: "not_found", param: "id" });
    expect(errorOf(await optInReq("ct_nope"))).toEqual({ status: 404, code: "not_found", param: "id" });
  });
});

describe("tenant isolation", () => {
  it("never lets org B's key see or change org A's contacts", async () => {
    const contact = await create({ phone: "+14155553601", first_name: "Private" });
    for (const res of [
      await get(contact.body.id, writerB),
      await patch(contact.body.id, { first_name: "Hacked" }, writerB),
      await optOutReq(contact.body.id, writerB),
      await optInReq(contact.body.id, writerB),
      await remove(contact.body.id, writerB),
    ]) {
      expect(errorOf(res)).toEqual({ status: 404, code: "not_found", param: "id" });
      expect(JSON.stringify(res.body)).not.toContain("Private");
    }
    const theirs = await list("?limit=100&search=private", writerB);
    expect(theirs.body.data).toEqual([]);
    // The same number in B is B's own contact; A's is untouched.
    const inB = await upsertReq({ phone: "+14155553601", first_name: "Bs own" }, writerB);
    expect(inB.status).toBe(201);
    expect(inB.body.id).not.toBe(contact.body.id);
    expect(await db.contact.findUniqueOrThrow({ where: { id: contact.body.id } })).toMatchObject({ firstName: "Private", consentStatus: "OPTED_IN" });
  });
});
