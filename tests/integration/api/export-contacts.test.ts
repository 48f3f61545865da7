// Contacts to CSV through REST v1 (GET /api/v1/contacts/export, /segments/{id}/export): what the
// file holds equals the contacts, field for field, through quotes, commas, newlines and any Unicode;
// a list's, a segment's and a search's contacts and no others; 10,000 rows streamed in batches.
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { apiRequest, call, createTestApiKey, routeParams, setupApiDatabase } from "../helpers/api";

const { db } = await setupApiDatabase();
const exportAll = await import("@/app/api/v1/contacts/export/route");
const exportSegment = await import("@/app/api/v1/segments/[id]/export/route");
const segments = await import("@/app/api/v1/segments/route");
const { EXPORT_BATCH } = await import("@/lib/contacts/export-contacts");
const { exportContacts } = await import("@/lib/contacts/export-contacts");
const { createOrgWithOwner, orgContextFor } = await import("../helpers/factories");

let orgA: string;
let ownerA: Awaited<ReturnType<typeof createOrgWithOwner>>["owner"];
let readerA: string;
let writerA: string;
let listA: string;
const at = new Date("2026-03-08T07:30:00.000Z");

async function download(response: Promise<Response>) {
  const res = await response;
  if (res.status !== 200) return { status: res.status, error: (await res.json()).error, rows: [], chunks: 0, headers: res.headers };
  const reader = res.body!.getReader();
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true }); // keep the BOM, to check it is sent
  let text = "";
  let chunks = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    chunks++;
    text += decoder.decode(next.value, { stream: true });
  }
  expect(text.startsWith("\ufeff")).toBe(true);
  const rows = parse(text.slice(1), { columns: true }) as Record<string, string>[];
  return { status: 200, error: null, rows, chunks, headers: res.headers, text };
}

const exportQuery = (query = "", token = readerA) => download(exportAll.GET(apiRequest(`/api/v1/contacts/export${query}`, { token })));

async function insertContact(id: string, fields: Record<string, unknown>) {
  await db.contact.create({ data: { id, orgId: orgA, phone: fields.phone as string, createdAt: at, updatedAt: at, ...fields } });
}

beforeAll(async () => {
  const a = await createOrgWithOwner(db, { defaultCountry: "US" });
  orgA = a.org.id;
  ownerA = a.owner;
  readerA = (await createTestApiKey(db, orgA, ["contacts:read"])).token;
  writerA = (await createTestApiKey(db, orgA, ["contacts:read", "contacts:write"])).token;
  await db.customFieldDefinition.createMany({
    data: [
      { id: "cf_exp_tier", orgId: orgA, key: "tier", label: "Tier", type: "TEXT" },
      { id: "cf_exp_visits", orgId: orgA, key: "visits", label: "Visits", type: "NUMBER", createdAt: new Date(Date.now() + 1000) },
      { id: "cf_exp_email", orgId: orgA, key: "email", label: "Email (custom)", type: "TEXT", createdAt: new Date(Date.now() + 2000) },
    ],
  });
  await insertContact("ct_export_0001", {
    phone: "+14155550101",
    firstName: 'Ann "Nan", the 1st',
    lastName: "O'Brien\nSecond line",
    email: "ann@example.com",
    timeZone: "America/Los_Angeles",
    tags: ["vip", "brunch"],
    customFields: { tier: "gold, \"plus\"", visits: 3, email: "other@example.com" },
    optedInAt: at,
  });
  await insertContact("ct_export_0002", {
    phone: "+12125550102",
    firstName: "Zoë 🎉",
    lastName: "山田",
    tags: [],
    consentStatus: "OPTED_OUT",
    optedInAt: at,
    optedOutAt: new Date("2026-03-09T00:00:00.000Z"),
    optOutSource: "keyword:STOP",
  });
  await insertContact("ct_export_0003", { phone: "+13125550103", firstName: "=HYPERLINK(\"http://x\")", lastName: "@risk", customFields: { tier: "-5" } });
  await db.consentEvent.create({ data: { id: "cns_export_1", orgId: orgA, contactId: "ct_export_0002", action: "OPT_OUT", source: "keyword", keyword: "STOP", occurredAt: new Date("2026-03-09T00:00:00.000Z") } });
  listA = (await db.contactList.create({ data: { id: "lst_export_a", orgId: orgA, name: "Brunch, \"regulars\"" } })).id;
  await db.listMembership.createMany({ data: [{ listId: listA, contactId: "ct_export_0001", orgId: orgA }] });
  await db.contactList.create({ data: { id: "lst_export_b", orgId: orgA, name: "Ünïcode" } });
  await db.listMembership.create({ data: { listId: "lst_export_b", contactId: "ct_export_0001", orgId: orgA } });

  // Another org's contact must never show.
  const b = await createOrgWithOwner(db, { defaultCountry: "US" });
  await db.contact.create({ data: { id: "ct_export_b", orgId: b.org.id, phone: "+14155550101", firstName: "Other org" } });
});

describe("GET /api/v1/contacts/export", () => {
  it("holds every field of every contact, exactly, whatever the text", async () => {
    const { status, rows, headers } = await exportQuery();
    expect(status).toBe(200);
    expect(headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(headers.get("content-disposition")).toMatch(/^attachment; filename="contacts-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(rows.map((r) => r.id)).toEqual(["ct_export_0003", "ct_export_0002", "ct_export_0001"]);
    expect(rows[2]).toEqual({
      id: "ct_export_0001",
      phone: "+14155550101",
      first_name: 'Ann "Nan", the 1st',
      last_name: "O'Brien\nSecond line",
      email: "ann@example.com",
      time_zone: "America/Los_Angeles",
      tags: "vip, brunch",
      lists: 'Brunch, "regulars", Ünïcode',
      subscription_status: "subscribed",
      subscribed_at: at.toISOString(),
      unsubscribed_at: "",
      unsubscribe_source: "",
      consent_source: "",
      created_at: at.toISOString(),
      updated_at: at.toISOString(),
      tier: 'gold, "plus"',
      visits: "3",
      "custom.email": "other@example.com",
    });
    expect(rows[1]).toMatchObject({
      first_name: "Zoë 🎉",
      last_name: "山田",
      tags: "",
      lists: "",
      subscription_status: "unsubscribed",
      unsubscribed_at: "2026-03-09T00:00:00.000Z",
      unsubscribe_source: "keyword:STOP",
      consent_source: "keyword",
      tier: "",
    });
  });

  it("defuses text a spreadsheet would run as a formula", async () => {
    const { rows } = await exportQuery();
    expect(rows[0]).toMatchObject({ first_name: "'=HYPERLINK(\"http://x\")", last_name: "'@risk", tier: "'-5", phone: "+13125550103" });
  });

  it("exports a list's members, or a search's matches, and no one else", async () => {
    const list = await exportQuery(`?list_id=${listA}`);
    expect(list.rows.map((r) => r.id)).toEqual(["ct_export_0001"]);
    expect(list.headers.get("content-disposition")).toContain('filename="brunch-regulars-');
    expect((await exportQuery("?search=zo")).rows.map((r) => r.id)).toEqual(["ct_export_0002"]);
    expect((await exportQuery("?search=nobody")).rows).toEqual([]);
  });

  it("refuses an unknown list, two sources at once, and a key without contacts:read", async () => {
    expect(await exportQuery("?list_id=lst_nope")).toMatchObject({ status: 404, error: { code: "not_found", param: "list_id" } });
    expect(await exportQuery(`?list_id=${listA}&segment_id=seg_x`)).toMatchObject({ status: 400, error: { code: "invalid_parameter", param: "list_id" } });
    const sender = (await createTestApiKey(db, orgA, ["messages:send"])).token;
    expect(await exportQuery("", sender)).toMatchObject({ status: 403, error: { code: "insufficient_scope" } });
  });
});

describe("GET /api/v1/segments/{id}/export", () => {
  it("exports the segment's contacts as they are now; an unknown segment is 404 on id", async () => {
    const created = await call(
      segments.POST(
        apiRequest("/api/v1/segments", {
          token: writerA,
          body: { name: "Opted out", definition: { root: { type: "group", match: "all", rules: [{ type: "condition", field: "consent.status", operator: "is_any_of", value: ["opted_out"] }] } } },
        }),
      ),
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    const res = await download(exportSegment.GET(apiRequest(`/api/v1/segments/${id}/export`, { token: readerA }), routeParams({ id })));
    expect(res.rows.map((r) => r.id)).toEqual(["ct_export_0002"]);
    expect(res.headers.get("content-disposition")).toContain('filename="opted-out-');
    const missing = await download(exportSegment.GET(apiRequest("/api/v1/segments/seg_nope/export", { token: readerA }), routeParams({ id: "seg_nope" })));
    expect(missing).toMatchObject({ status: 404, error: { code: "not_found", param: "id" } });
  });
});

describe("a large export", () => {
  it("streams 10,000 contacts in batches, each once, newest first", async () => {
    const big = await createOrgWithOwner(db, { defaultCountry: "US" });
    const token = (await createTestApiKey(db, big.org.id, ["contacts:read"])).token;
    await db.$executeRaw`
      INSERT INTO "Contact" (id, "orgId", phone, "firstName", "updatedAt")
      SELECT 'ct_big_' || lpad(i::text, 6, '0'), ${big.org.id}, '+1415' || (2000000 + i)::text, 'Row ' || i, now()
        FROM generate_series(1, 10000) AS i`;
    const res = await exportQuery("", token);
    expect(res.rows).toHaveLength(10_000);
    expect(res.rows[0]).toMatchObject({ id: "ct_big_010000", first_name: "Row 10000" });
    expect(res.rows.at(-1)).toMatchObject({ id: "ct_big_000001", phone: "+14152000001" });
    expect(new Set(res.rows.map((r) => r.id)).size).toBe(10_000);
    // Read batch by batch as the client reads (a header chunk, then one per batch), never all at once.
    expect(res.chunks).toBeGreaterThanOrEqual(10_000 / EXPORT_BATCH);
  });
});

describe("the Contacts page's view (the UI's download)", () => {
  async function viewRows(filter: Record<string, unknown>) {
    const ctx = await orgContextFor(db, ownerA, orgA);
    return (await download(Promise.resolve(new Response((await exportContacts(ctx, { kind: "view", ...filter })).stream)))).rows.map((r) => r.id);
  }

  it("holds exactly the contacts its quick filters, advanced rules and search match together", async () => {
    expect(await viewRows({})).toEqual(["ct_export_0003", "ct_export_0002", "ct_export_0001"]);
    expect(await viewRows({ listId: listA })).toEqual(["ct_export_0001"]);
    expect(await viewRows({ status: "OPTED_OUT" })).toEqual(["ct_export_0002"]);
    expect(await viewRows({ tag: "vip", search: "ann" })).toEqual(["ct_export_0001"]);
    expect(await viewRows({ tag: "vip", search: "zoë" })).toEqual([]);
    const notVip = { root: { type: "group", match: "all", rules: [{ type: "condition", field: "tags", operator: "has_none", value: ["vip"] }] } };
    expect(await viewRows({ definition: notVip, status: "OPTED_IN" })).toEqual(["ct_export_0003"]);
  });

  it("refuses a list of another org, naming it", async () => {
    const ctx = await orgContextFor(db, ownerA, orgA);
    await expect(exportContacts(ctx, { kind: "view", listId: "lst_nowhere" })).rejects.toThrow(/lst_nowhere/);
  });
});
