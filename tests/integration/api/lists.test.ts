// The lists resource of REST v1, called as a client calls it: create, page, get, rename, delete, and
// membership (add, page the members, remove); scopes, idempotency and tenant isolation.
import { beforeAll, describe, expect, it } from "vitest";
import { apiRequest, call, createTestApiKey, routeParams, setupApiDatabase } from "../helpers/api";

const { db } = await setupApiDatabase();
const lists = await import("@/app/api/v1/lists/route");
const one = await import("@/app/api/v1/lists/[id]/route");
const members = await import("@/app/api/v1/lists/[id]/contacts/route");
const removal = await import("@/app/api/v1/lists/[id]/contacts/remove/route");
const contact = await import("@/app/api/v1/contacts/[id]/route");
const contacts = await import("@/app/api/v1/contacts/route");
const { createOrgWithOwner } = await import("../helpers/factories");

let orgA: string;
let writerA: string;
let readerA: string;
let writerB: string;
let contactsOfB: string[];

beforeAll(async () => {
  const a = await createOrgWithOwner(db, { defaultCountry: "US" });
  orgA = a.org.id;
  writerA = (await createTestApiKey(db, orgA, ["contacts:read", "contacts:write"])).token;
  readerA = (await createTestApiKey(db, orgA, ["contacts:read"])).token;
  const b = await createOrgWithOwner(db, { defaultCountry: "US" });
  writerB = (await createTestApiKey(db, b.org.id, ["contacts:read", "contacts:write"])).token;
  contactsOfB = [await newContact("+14155554900", writerB)];
});

type Res = Awaited<ReturnType<typeof call>>;
const errorOf = (res: Res) => ({ status: res.status, code: res.body.error?.code, param: res.body.error?.param });
const create = (body: unknown, token = writerA, headers: Record<string, string> = {}) => call(lists.POST(apiRequest("/api/v1/lists", { token, body, headers })));
const page = (query = "", token = writerA) => call(lists.GET(apiRequest(`/api/v1/lists${query}`, { token })));
const get = (id: string, token = writerA) => call(one.GET(apiRequest(`/api/v1/lists/${id}`, { token }), routeParams({ id })));
const rename = (id: string, body: unknown, token = writerA) => call(one.PATCH(apiRequest(`/api/v1/lists/${id}`, { method: "PATCH", token, body }), routeParams({ id })));
const remove = (id: string, token = writerA) => call(one.DELETE(apiRequest(`/api/v1/lists/${id}`, { method: "DELETE", token }), routeParams({ id })));
const add = (id: string, ids: unknown, token = writerA, headers: Record<string, string> = {}) =>
  call(members.POST(apiRequest(`/api/v1/lists/${id}/contacts`, { token, body: { contact_ids: ids }, headers }), routeParams({ id })));
const take = (id: string, ids: unknown, token = writerA) => call(removal.POST(apiRequest(`/api/v1/lists/${id}/contacts/remove`, { token, body: { contact_ids: ids } }), routeParams({ id })));
const membersOf = (id: string, query = "", token = writerA) => call(members.GET(apiRequest(`/api/v1/lists/${id}/contacts${query}`, { token }), routeParams({ id })));
const idsOf = (res: Res) => res.body.data.map((item: { id: string }) => item.id);

async function newContact(phone: string, token = writerA): Promise<string> {
  const res = await call(contacts.POST(apiRequest("/api/v1/contacts", { token, body: { phone } })));
  expect(res.status).toBe(201);
  return res.body.id;
}

describe("POST and GET /api/v1/lists", () => {
  it("creates a list (201, no members) and refuses a second of the same name with 409 list_exists", async () => {
    const res = await create({ name: "  Brunch regulars " });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ object: "list", name: "Brunch regulars", member_count: 0 });
    expect(res.body.id).toMatch(/^lst_/);
    expect(errorOf(await create({ name: "Brunch regulars" }))).toEqual({ status: 409, code: "list_exists", param: "name" });
  });

  it("names the parameter of each refusal, refuses unknown fields, and needs contacts:write", async () => {
    for (const [body, code, param] of [
      [{ name: "" }, "invalid_parameter", "name"],
      [{ name: "x".repeat(101) }, "invalid_parameter", "name"],
      [{}, "invalid_parameter", "name"],
      [{ name: "Ok", description: "no" }, "unknown_parameter", "description"],
    ] as const) {
      expect(errorOf(await create(body)), JSON.stringify(body)).toEqual({ status: 400, code, param });
    }
    const refused = await create({ name: "Readers" }, readerA);
    expect(errorOf(refused)).toEqual({ status: 403, code: "insufficient_scope", param: null });
    expect(refused.body.error.message).toContain("contacts:write");
  });

  it("replays a create with the same Idempotency-Key", async () => {
    const headers = { "idempotency-key": "list-create-1" };
    const first = await create({ name: "Once" }, writerA, headers);
    const again = await create({ name: "Once" }, writerA, headers);
    expect(again).toMatchObject({ status: 201, body: { id: first.body.id } });
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await db.contactList.count({ where: { orgId: orgA, name: "Once" } })).toBe(1);
  });

  it("pages lists newest first with their member counts", async () => {
    const made: string[] = [];
    for (let i = 0; i < 3; i++) made.push((await create({ name: `Paged ${i}` })).body.id);
    const first = await page("?limit=2", readerA);
    expect(first.status).toBe(200);
    expect(idsOf(first)).toEqual([made[2], made[1]]);
    expect(first.body.has_more).toBe(true);
    expect(first.body.data[0]).toMatchObject({ name: "Paged 2", member_count: 0 });
    const second = await page(`?limit=2&starting_after=${first.body.next_cursor}`, readerA);
    expect(idsOf(second)[0]).toBe(made[0]);
    expect(errorOf(await page("?name=Paged"))).toEqual({ status: 400, code: "unknown_parameter", param: "name" });
    expect(errorOf(await page("?limit=0"))).toEqual({ status: 400, code: "invalid_parameter", param: "limit" });
  });
});

describe("GET, PATCH and DELETE /api/v1/lists/{id}", () => {
  it("gets, renames and deletes a list; its contacts stay", async () => {
    const list = await create({ name: "Rename me" });
    const member = await newContact("+14155554001");
    await add(list.body.id, [member]);
    expect((await get(list.body.id, readerA)).body).toMatchObject({ id: list.body.id, name: "Rename me", member_count: 1 });
    expect((await rename(list.body.id, { name: "Renamed" })).body).toMatchObject({ name: "Renamed", member_count: 1 });
    expect((await rename(list.body.id, {})).body).toMatchObject({ name: "Renamed" });
    await create({ name: "Taken" });
    expect(errorOf(await rename(list.body.id, { name: "Taken" }))).toEqual({ status: 409, code: "list_exists", param: "name" });
    expect(errorOf(await rename(list.body.id, { title: "x" }))).toEqual({ status: 400, code: "unknown_parameter", param: "title" });
    expect(errorOf(await rename(list.body.id, { name: "x" }, readerA))).toEqual({ status: 403, code: "insufficient_scope", param: null });

    expect(await remove(list.body.id)).toMatchObject({ status: 200, body: { id: list.body.id, object: "list", deleted: true } });
    for (const res of [await get(list.body.id), await rename(list.body.id, { name: "Back" }), await remove(list.body.id), await membersOf(list.body.id)]) {
      expect(errorOf(res)).toEqual({ status: 404, code: "not_found", param: "id" });
    }
    expect(await db.contact.count({ where: { id: member } })).toBe(1);
  });
});

describe("list membership", () => {
  it("adds contacts (existing members and unknown ids skipped), pages them, shows them on the contact, removes them", async () => {
    const list = await create({ name: "Members" });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await newContact(`+1415555410${i}`));
    expect((await add(list.body.id, ids.slice(0, 3))).body).toEqual({ list_id: list.body.id, added: 3, member_count: 3 });
    expect((await add(list.body.id, [...ids.slice(2), "ct_unknown"])).body).toEqual({ list_id: list.body.id, added: 2, member_count: 5 });

    const seen: string[] = [];
    let cursor = "";
    do {
      const res = await membersOf(list.body.id, `?limit=2${cursor ? `&starting_after=${cursor}` : ""}`, readerA);
      expect(res.status).toBe(200);
      seen.push(...idsOf(res));
      cursor = res.body.next_cursor ?? "";
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    await db.contact.update({ where: { id: ids[4] }, data: { consentStatus: "OPTED_OUT" } });
    expect(idsOf(await membersOf(list.body.id, "?status=unsubscribed"))).toEqual([ids[4]]);
    expect(errorOf(await membersOf(list.body.id, "?list_id=x"))).toEqual({ status: 400, code: "unknown_parameter", param: "list_id" });

    const shown = await call(contact.GET(apiRequest(`/api/v1/contacts/${ids[0]}`, { token: readerA }), routeParams({ id: ids[0]! })));
    expect(shown.body.lists).toEqual([{ id: list.body.id, name: "Members", added_at: expect.any(String) }]);

    expect((await take(list.body.id, [ids[0], ids[1], "ct_unknown"])).body).toEqual({ list_id: list.body.id, removed: 2, member_count: 3 });
    expect((await take(list.body.id, [ids[0]])).body).toEqual({ list_id: list.body.id, removed: 0, member_count: 3 });
    expect(await db.auditLog.count({ where: { orgId: orgA, targetId: list.body.id, action: { in: ["list.members_added", "list.members_removed"] } } })).toBe(4);
  });

  it("refuses more than 1,000 ids, none, a body without them, and a batch of which none is a contact", async () => {
    const list = await create({ name: "Limits" });
    const tooMany = Array.from({ length: 1001 }, (_, i) => `ct_${i}`);
    for (const [ids, code, param] of [
      [tooMany, "invalid_parameter", "contact_ids"],
      [[], "invalid_parameter", "contact_ids"],
      [[42], "invalid_parameter", "contact_ids[0]"],
      [undefined, "invalid_parameter", "contact_ids"],
    ] as const) {
      expect(errorOf(await add(list.body.id, ids)), JSON.stringify(ids)?.slice(0, 40)).toEqual({ status: 400, code, param });
    }
    expect(errorOf(await add(list.body.id, ["ct_nobody"]))).toEqual({ status: 404, code: "not_found", param: "contact_ids" });
    expect(errorOf(await add("lst_nowhere", ["ct_nobody"]))).toEqual({ status: 404, code: "not_found", param: "id" });
    expect(errorOf(await take("lst_nowhere", ["ct_nobody"]))).toEqual({ status: 404, code: "not_found", param: "id" });
    expect(errorOf(await add(list.body.id, ["ct_x"], readerA))).toEqual({ status: 403, code: "insufficient_scope", param: null });
  });

  it("replays an add with the same Idempotency-Key", async () => {
    const list = await create({ name: "Idempotent adds" });
    const id = await newContact("+14155554201");
    const headers = { "idempotency-key": "add-1" };
    const first = await add(list.body.id, [id], writerA, headers);
    await take(list.body.id, [id]);
    const again = await add(list.body.id, [id], writerA, headers);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect((await get(list.body.id)).body.member_count).toBe(0);
  });
});

describe("tenant isolation", () => {
  it("never lets org B's key see or change org A's lists, nor put A's contacts on its own", async () => {
    const list = await create({ name: "A's secret list" });
    const member = await newContact("+14155554301");
    await add(list.body.id, [member]);
    for (const res of [
      await get(list.body.id, writerB),
      await rename(list.body.id, { name: "Mine now" }, writerB),
      await membersOf(list.body.id, "", writerB),
      await add(list.body.id, contactsOfB, writerB),
      await take(list.body.id, [member], writerB),
      await remove(list.body.id, writerB),
    ]) {
      expect(errorOf(res)).toEqual({ status: 404, code: "not_found", param: "id" });
      expect(JSON.stringify(res.body)).not.toContain("secret");
    }
    expect((await page("?limit=100", writerB)).body.data.map((l: { name: string }) => l.name)).not.toContain("A's secret list");
    // Filtering contacts by A's list is 404 on list_id (as README promises), not an empty page.
    const filtered = await call(contacts.GET(apiRequest(`/api/v1/contacts?list_id=${list.body.id}`, { token: writerB })));
    expect(errorOf(filtered)).toEqual({ status: 404, code: "not_found", param: "list_id" });
    expect((await call(contacts.GET(apiRequest(`/api/v1/contacts?list_id=${list.body.id}`, { token: writerA })))).body.data).toHaveLength(1);
    const listOfB = await create({ name: "B's list" }, writerB);
    expect(errorOf(await add(listOfB.body.id, [member], writerB))).toEqual({ status: 404, code: "not_found", param: "contact_ids" });
    expect((await get(list.body.id)).body).toMatchObject({ name: "A's secret list", member_count: 1 });
  });
});
