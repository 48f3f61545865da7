// The segments resource of REST v1, called as a client calls it: create (a nested definition in the
// API's snake_case), page, get, update, delete, count and the segment's contacts; errors naming the
// rule's path; scopes.
import { beforeAll, describe, expect, it } from "vitest";
import { apiRequest, call, createTestApiKey, routeParams, setupApiDatabase } from "../helpers/api";

const { db } = await setupApiDatabase();
const segments = await import("@/app/api/v1/segments/route");
const one = await import("@/app/api/v1/segments/[id]/route");
const counter = await import("@/app/api/v1/segments/[id]/count/route");
const members = await import("@/app/api/v1/segments/[id]/contacts/route");
const contacts = await import("@/app/api/v1/contacts/route");
const lists = await import("@/app/api/v1/lists/route");
const listMembers = await import("@/app/api/v1/lists/[id]/contacts/route");
const { createOrgWithOwner } = await import("../helpers/factories");

let orgA: string;
let writerA: string;
let readerA: string;
let vipList: string;
const ids: Record<string, string> = {};

type Res = Awaited<ReturnType<typeof call>>;
const errorOf = (res: Res) => ({ status: res.status, code: res.body.error?.code, param: res.body.error?.param });
const create = (body: unknown, token = writerA) => call(segments.POST(apiRequest("/api/v1/segments", { token, body })));
const page = (query = "", token = writerA) => call(segments.GET(apiRequest(`/api/v1/segments${query}`, { token })));
const get = (id: string, token = writerA) => call(one.GET(apiRequest(`/api/v1/segments/${id}`, { token }), routeParams({ id })));
const update = (id: string, body: unknown, token = writerA) => call(one.PATCH(apiRequest(`/api/v1/segments/${id}`, { method: "PATCH", token, body }), routeParams({ id })));
const remove = (id: string, token = writerA) => call(one.DELETE(apiRequest(`/api/v1/segments/${id}`, { method: "DELETE", token }), routeParams({ id })));
const count = (id: string, token = readerA) => call(counter.POST(apiRequest(`/api/v1/segments/${id}/count`, { method: "POST", token }), routeParams({ id })));
const membersOf = (id: string, query = "", token = readerA) => call(members.GET(apiRequest(`/api/v1/segments/${id}/contacts${query}`, { token }), routeParams({ id })));
const idsOf = (res: Res) => res.body.data.map((item: { id: string }) => item.id);

const condition = (field: string, operator: string, value?: unknown) => ({ type: "condition", field, operator, ...(value !== undefined && { value }) });
const group = (match: "all" | "any", ...rules: unknown[]) => ({ type: "group", match, rules });

async function newContact(key: string, body: Record<string, unknown>) {
  const res = await call(contacts.POST(apiRequest("/api/v1/contacts", { token: writerA, body })));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  ids[key] = res.body.id;
}

beforeAll(async () => {
  const a = await createOrgWithOwner(db, { defaultCountry: "US" });
  orgA = a.org.id;
  writerA = (await createTestApiKey(db, orgA, ["contacts:read", "contacts:write"])).token;
  readerA = (await createTestApiKey(db, orgA, ["contacts:read"])).token;
  await db.customFieldDefinition.create({ data: { id: "cf_seg_points", orgId: orgA, key: "points", label: "Points", type: "NUMBER" } });
  // Created in this order, so newest first is dan, cat, bob, ann.
  await newContact("ann", { phone: "+14155550101", first_name: "Ann", tags: ["vip"], custom_fields: { points: 700 } });
  await newContact("bob", { phone: "+12125550102", first_name: "Bob", tags: ["vip"], custom_fields: { points: 100 } });
  await newContact("cat", { phone: "+13125550103", first_name: "Cat", tags: [], custom_fields: { points: 900 } });
  await newContact("dan", { phone: "+12125550104", first_name: "Dan", tags: ["newsletter"] });
  vipList = (await call(lists.POST(apiRequest("/api/v1/lists", { token: writerA, body: { name: "VIP" } })))).body.id;
  await call(listMembers.POST(apiRequest(`/api/v1/lists/${vipList}/contacts`, { token: writerA, body: { contact_ids: [ids.dan] } }), routeParams({ id: vipList })));
});

// (tag vip and points ≥ 500) or in the VIP list, or a New York first name starting with B: ann, dan, bob.
const nested = () => ({
  time_zone: "America/New_York",
  root: group(
    "any",
    group("all", condition("tags", "has_any", ["vip"]), condition("custom.points", "gte", 500)),
    condition("lists", "in", [vipList]),
    group("all", condition("location.state", "is_any_of", ["NY"]), group("any", condition("first_name", "starts_with", "b"))),
  ),
});

describe("POST and GET /api/v1/segments", () => {
  it("creates a segment from a nested definition in snake_case and answers it as sent", async () => {
    const res = await create({ name: "Best customers", description: "VIPs and big spenders", definition: nested() });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ object: "segment", name: "Best customers", description: "VIPs and big spenders", definition: nested() });
    expect(res.body.id).toMatch(/^seg_/);
    expect(await get(res.body.id)).toMatchObject({ status: 200, body: { id: res.body.id, definition: nested() } });
    // Stored in the domain's names: the builder and the compiler read the same definition.
    const stored = await db.segment.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(JSON.stringify(stored.definition)).toContain('"field":"firstName"');
    expect(JSON.stringify(stored.definition)).toContain('"timeZone":"America/New_York"');
  });

  it("pages newest first with limit and starting_after", async () => {
    const second = await create({ name: "Everyone", definition: { root: group("all") } });
    expect(second.status).toBe(201);
    expect(second.body.definition).toEqual({ time_zone: "UTC", root: group("all") });
    const first = await page("?limit=1");
    expect(first.body).toMatchObject({ has_more: true, next_cursor: second.body.id });
    expect(idsOf(first)).toEqual([second.body.id]);
    const rest = await page(`?limit=10&starting_after=${second.body.id}`);
    expect(rest.body.has_more).toBe(false);
    expect(rest.body.data.map((s: { name: string }) => s.name)).toEqual(["Best customers"]);
  });

  it("refuses a taken name with 409 segment_exists", async () => {
    expect(errorOf(await create({ name: "Best customers", definition: nested() }))).toEqual({ status: 409, code: "segment_exists", param: "name" });
  });

  it("names the offending rule's path in the API's spelling", async () => {
    const cases: [unknown, string, string][] = [
      [{ root: group("all", group("any", condition("first_name", "gte", 3))) }, "invalid_parameter", "definition.root.rules[0].rules[0].operator"],
      [{ root: group("all", condition("tags", "has_any", [])) }, "invalid_parameter", "definition.root.rules[0].value"],
      [{ root: group("all", condition("first_name", "is_empty"), condition("no_such_field", "is", "x")) }, "invalid_parameter", "definition.root.rules[1].field"],
      [{ root: group("all", condition("custom.nope", "eq", 1)) }, "invalid_parameter", "definition.root.rules[0].field"],
      [{ time_zone: "Mars/Olympus", root: group("all") }, "invalid_parameter", "definition.time_zone"],
      [{ timeZone: "UTC", root: group("all") }, "unknown_parameter", "definition.timeZone"],
      [{ root: { ...group("all"), extra: 1 } }, "unknown_parameter", "definition.root.extra"],
    ];
    for (const [definition, code, param] of cases) {
      expect(errorOf(await create({ name: "Bad", definition })), JSON.stringify(definition)).toEqual({ status: 400, code, param });
    }
    expect(await db.segment.count({ where: { orgId: orgA, name: "Bad" } })).toBe(0);
  });

  it("needs contacts:write to create, contacts:read to list", async () => {
    expect(errorOf(await create({ name: "Readers", definition: nested() }, readerA))).toEqual({ status: 403, code: "insufficient_scope", param: null });
    expect((await page("", readerA)).status).toBe(200);
  });
});

describe("count and contacts of a segment", () => {
  it("counts the contacts that meet the rules now, and pages them newest first", async () => {
    const { id } = (await page()).body.data.find((s: { name: string }) => s.name === "Best customers");
    expect(await count(id)).toMatchObject({ status: 200, body: { object: "segment_count", segment_id: id, count: 3 } });
    const all = await membersOf(id);
    expect(idsOf(all)).toEqual([ids.dan, ids.bob, ids.ann]);
    expect(all.body.data[0]).toMatchObject({ object: "contact", first_name: "Dan", subscription_status: "subscribed" });
    const first = await membersOf(id, "?limit=2");
    expect(first.body).toMatchObject({ has_more: true, next_cursor: ids.bob });
    expect(idsOf(await membersOf(id, `?limit=2&starting_after=${ids.bob}`))).toEqual([ids.ann]);
    // Evaluated at use: a new VIP big spender is in at once.
    await newContact("eve", { phone: "+14155550105", first_name: "Eve", tags: ["vip"], custom_fields: { points: 501 } });
    expect((await count(id)).body.count).toBe(4);
  });
});

describe("PATCH and DELETE /api/v1/segments/{id}", () => {
  it("changes only what is sent; a definition replaces the whole definition", async () => {
    const { id } = (await create({ name: "Changing", definition: nested() })).body;
    const renamed = await update(id, { name: "Changed" });
    expect(renamed).toMatchObject({ status: 200, body: { name: "Changed", definition: nested() } });
    const narrowed = await update(id, { definition: { root: group("all", condition("first_name", "is", "ann")) } });
    expect(narrowed.body).toMatchObject({ name: "Changed", definition: { time_zone: "UTC", root: group("all", condition("first_name", "is", "ann")) } });
    expect(idsOf(await membersOf(id))).toEqual([ids.ann]);
    expect(errorOf(await update(id, { definition: { root: group("all", condition("phone", "between", [1, 2])) } }))).toMatchObject({ status: 400, param: "definition.root.rules[0].operator" });
    expect(errorOf(await update(id, { name: "Best customers" }))).toEqual({ status: 409, code: "segment_exists", param: "name" });
    expect(errorOf(await update(id, { name: "Nope" }, readerA))).toEqual({ status: 403, code: "insufficient_scope", param: null });
  });

  it("deletes a segment, leaving its contacts; it is then not found everywhere", async () => {
    const { id } = (await create({ name: "Doomed", definition: nested() })).body;
    expect(await remove(id)).toMatchObject({ status: 200, body: { id, object: "segment", deleted: true } });
    expect(await db.contact.count({ where: { orgId: orgA } })).toBe(5);
    for (const res of [await get(id), await remove(id), await count(id), await membersOf(id), await update(id, { name: "x" })]) {
      expect(errorOf(res)).toEqual({ status: 404, code: "not_found", param: "id" });
    }
  });
});
