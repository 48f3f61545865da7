import { beforeAll, describe, expect, it } from "vitest";
import { createContact } from "@/lib/contacts/create-contact";
import { deleteContacts } from "@/lib/contacts/delete-contacts";
import { getContact } from "@/lib/contacts/get-contact";
import { countContacts, listContacts } from "@/lib/contacts/list-contacts";
import { tagContacts } from "@/lib/contacts/tag-contacts";
import { updateContact } from "@/lib/contacts/update-contact";
import { createCustomField } from "@/lib/custom-fields/manage-custom-fields";
import { newId } from "@/lib/ids";
import type { OrgContext } from "@/lib/org-context";
import { setupTestDatabase } from "./helpers/db";
import { expectDomainError } from "./helpers/expect-error";
import { createOrgWithOwner, orgContextFor, type TestUser } from "./helpers/factories";

const { db } = await setupTestDatabase();

let owner: TestUser;
let ctx: OrgContext;

beforeAll(async () => {
  const created = await createOrgWithOwner(db, { defaultCountry: "US" });
  owner = created.owner;
  ctx = await orgContextFor(db, owner, created.org.id);
});

const auditFor = (targetId: string) =>
  db.auditLog.findMany({ where: { orgId: ctx.orgId, targetId }, orderBy: { id: "asc" } });

describe("createContact", () => {
  it("stores the number in E.164 using the org's default country, derives the time zone, and audits who did it", async () => {
    const contact = await createContact(ctx, { phone: "(212) 736-2000", firstName: "Ann", email: "Ann@Example.com" });
    expect(contact).toMatchObject({
      orgId: ctx.orgId,
      phone: "+12127362000",
      firstName: "Ann",
      email: "ann@example.com",
      timeZone: "America/New_York",
      consentStatus: "OPTED_IN",
    });
    expect(contact.id).toMatch(/^ct_/);
    expect(contact).not.toHaveProperty("searchText");

    const audit = await auditFor(contact.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "contact.created",
      targetType: "contact",
      actorType: "USER",
      actorId: owner.id,
      actorLabel: owner.email,
      changes: { phone: "+12127362000" },
    });
  });

  it("reads national numbers with the org's own default country", async () => {
    const { owner: gbOwner, org } = await createOrgWithOwner(db, { defaultCountry: "GB" });
    const gb = await orgContextFor(db, gbOwner, org.id);
    const contact = await createContact(gb, { phone: "020 7946 0958" });
    expect(contact.phone).toBe("+442079460958");
    expect(contact.timeZone).toBe("Europe/London");
  });

  it("keeps a time zone that was given instead of guessing, and leaves it empty when the number cannot tell", async () => {
    const given = await createContact(ctx, { phone: "+1 212 736 2001", timeZone: "America/Chicago" });
    expect(given.timeZone).toBe("America/Chicago");
    // Alaska's 907 spans two clocks; most of its numbers keep Anchorage's.
    const alaska = await createContact(ctx, { phone: "+1 907 555 0123" });
    expect(alaska.timeZone).toBe("America/Anchorage");
    // A toll-free number has no area: all of North America's clocks.
    const tollFree = await createContact(ctx, { phone: "+1 800 555 0123" });
    expect(tollFree.timeZone).toBeNull();
  });

  it("refuses an invalid number on the phone field and writes nothing", async () => {
    const before = await db.contact.count({ where: { orgId: ctx.orgId } });
    await expectDomainError(createContact(ctx, { phone: "555-0123" }), "BAD_REQUEST", "phone");
    await expectDomainError(createContact(ctx, { phone: "call me maybe" }), "BAD_REQUEST", "phone");
    expect(await db.contact.count({ where: { orgId: ctx.orgId } })).toBe(before);
  });

  it("refuses a second contact with the same number, however it is typed", async () => {
    await createContact(ctx, { phone: "+1 (646) 555-0100".replace("555-0100", "736-2000") });
    const error = await expectDomainError(createContact(ctx, { phone: "646.736.2000" }), "CONFLICT", "phone");
    expect(error.message).toContain("+16467362000");
    expect(await db.contact.count({ where: { orgId: ctx.orgId, phone: "+16467362000" } })).toBe(1);
  });

  it("lets only one of several simultaneous creates of a number through; the others are CONFLICT", async () => {
    const attempts = await Promise.allSettled(
      ["+1 646 555 0199", "(646) 555-0199", "646.555.0199", "1 646 555 0199"].map((p) => createContact(ctx, { phone: p })),
    );
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    for (const failed of attempts.filter((a) => a.status === "rejected")) {
      expect(failed.reason).toMatchObject({ name: "DomainError", code: "CONFLICT", field: "phone" });
    }
    expect(await db.contact.count({ where: { orgId: ctx.orgId, phone: "+16465550199" } })).toBe(1);
  });

  it("follows a change of the org's default country", async () => {
    const { owner: o, org } = await createOrgWithOwner(db, { defaultCountry: "US" });
    const c = await orgContextFor(db, o, org.id);
    await db.organization.update({ where: { id: org.id }, data: { defaultCountry: "AU" } });
    expect((await createContact(c, { phone: "0412 345 678" })).phone).toBe("+61412345678");
  });

  it("allows the same number in another organisation", async () => {
    const other = await createOrgWithOwner(db);
    const otherCtx = await orgContextFor(db, other.owner, other.org.id);
    const theirs = await createContact(otherCtx, { phone: "212-736-2000" });
    expect(theirs.phone).toBe("+12127362000");
    expect(await db.contact.count({ where: { phone: "+12127362000" } })).toBeGreaterThanOrEqual(2);
  });
});

describe("updateContact", () => {
  it("changes the given fields only and audits each change with from and to", async () => {
    const contact = await createContact(ctx, { phone: "+1 312 555 0101", firstName: "Bo", lastName: "Smith" });
    const updated = await updateContact(ctx, { id: contact.id, firstName: "Bob", phone: "(312) 555-0102", email: "" });
    expect(updated).toMatchObject({ firstName: "Bob", lastName: "Smith", phone: "+13125550102", email: null });

    const audit = await auditFor(contact.id);
    expect(audit.map((a) => a.action)).toEqual(["contact.created", "contact.updated"]);
    expect(audit[1]).toMatchObject({ actorType: "USER", actorId: owner.id, actorLabel: owner.email });
    expect(audit[1]!.changes).toEqual({
      firstName: { from: "Bo", to: "Bob" },
      phone: { from: "+13125550101", to: "+13125550102" },
    });
  });

  it("writes no audit row when nothing changed", async () => {
    const contact = await createContact(ctx, { phone: "+1 312 555 0103", firstName: "Cy" });
    await updateContact(ctx, { id: contact.id, firstName: "Cy", phone: "312-555-0103" });
    expect((await auditFor(contact.id)).map((a) => a.action)).toEqual(["contact.created"]);
  });

  it("refuses another contact's number and leaves the contact as it was", async () => {
    await createContact(ctx, { phone: "+1 312 555 0104" });
    const mine = await createContact(ctx, { phone: "+1 312 555 0105" });
    await expectDomainError(updateContact(ctx, { id: mine.id, phone: "(312) 555-0104" }), "CONFLICT", "phone");
    expect((await db.contact.findUniqueOrThrow({ where: { id: mine.id } })).phone).toBe("+13125550105");
  });

  it("refuses an invalid number and an unknown contact", async () => {
    const contact = await createContact(ctx, { phone: "+1 312 555 0106" });
    await expectDomainError(updateContact(ctx, { id: contact.id, phone: "12" }), "BAD_REQUEST", "phone");
    await expectDomainError(updateContact(ctx, { id: "ct_missing", firstName: "X" }), "NOT_FOUND", "id");
  });
});

describe("custom field values", () => {
  beforeAll(async () => {
    await createCustomField(ctx, { key: "visits", label: "Visits", type: "NUMBER" });
    await createCustomField(ctx, { key: "vip", label: "VIP", type: "BOOLEAN" });
    await createCustomField(ctx, { key: "birthday", label: "Birthday", type: "DATE" });
  });

  it("are checked against the org's definitions and stored typed", async () => {
    const contact = await createContact(ctx, { phone: "+1 415 555 0101", customFields: { visits: "1,200", vip: "yes" } });
    expect(contact.customFields).toEqual({ visits: 1200, vip: true });
    expect((await db.contact.findUniqueOrThrow({ where: { id: contact.id } })).customFields).toEqual({ visits: 1200, vip: true });
  });

  it("refuse unknown keys and bad values, naming the field", async () => {
    const before = await db.contact.count({ where: { orgId: ctx.orgId } });
    const unknown = await expectDomainError(
      createContact(ctx, { phone: "+1 415 555 0102", customFields: { shoe_size: "42" } }),
      "BAD_REQUEST",
      "customFields.shoe_size",
    );
    expect(unknown.message).toContain("shoe_size");
    const bad = await expectDomainError(
      createContact(ctx, { phone: "+1 415 555 0102", customFields: { birthday: "1990-02-30" } }),
      "BAD_REQUEST",
      "customFields.birthday",
    );
    expect(bad.message).toContain("Birthday");
    expect(await db.contact.count({ where: { orgId: ctx.orgId } })).toBe(before);
  });

  it("merge on update: given keys change, empty ones are removed, the rest stay", async () => {
    const contact = await createContact(ctx, {
      phone: "+1 415 555 0103",
      customFields: { visits: 2, vip: true, birthday: "1990-02-28" },
    });
    const updated = await updateContact(ctx, { id: contact.id, customFields: { visits: "3", vip: "" } });
    expect(updated.customFields).toEqual({ visits: 3, birthday: "1990-02-28" });
    const audit = await auditFor(contact.id);
    expect(audit.at(-1)!.changes).toEqual({
      customFields: { from: { visits: 2, vip: true, birthday: "1990-02-28" }, to: { visits: 3, birthday: "1990-02-28" } },
    });
  });

  it("do not see another org's definitions", async () => {
    const other = await createOrgWithOwner(db);
    const otherCtx = await orgContextFor(db, other.owner, other.org.id);
    await expectDomainError(
      createContact(otherCtx, { phone: "+1 415 555 0104", customFields: { visits: 1 } }),
      "BAD_REQUEST",
      "customFields.visits",
    );
  });
});

describe("deleteContacts", () => {
  it("deletes the given contacts, audits each, and ignores ids it does not find", async () => {
    const a = await createContact(ctx, { phone: "+1 617 555 0101" });
    const b = await createContact(ctx, { phone: "+1 617 555 0102" });
    const keep = await createContact(ctx, { phone: "+1 617 555 0103" });
    expect(await deleteContacts(ctx, { ids: [a.id, b.id, "ct_nope"] })).toEqual({ deleted: 2 });
    expect(await db.contact.findMany({ where: { id: { in: [a.id, b.id, keep.id] } }, select: { id: true } })).toEqual([{ id: keep.id }]);
    const audit = await db.auditLog.findMany({ where: { action: "contact.deleted", targetId: { in: [a.id, b.id] } } });
    expect(audit).toHaveLength(2);
    expect(audit.every((row) => row.actorId === owner.id && row.actorType === "USER")).toBe(true);
    await expectDomainError(getContact(ctx, a.id), "NOT_FOUND", "id");
  });
});

describe("tagContacts", () => {
  it("adds and removes tags, counting only the contacts that changed", async () => {
    const a = await createContact(ctx, { phone: "+1 617 555 0201", tags: ["new"] });
    const b = await createContact(ctx, { phone: "+1 617 555 0202", tags: ["vip"] });
    expect(await tagContacts(ctx, { ids: [a.id, b.id], add: ["VIP"], remove: ["new"] })).toEqual({ updated: 1 });
    expect((await getContact(ctx, a.id)).tags).toEqual(["vip"]);
    expect((await getContact(ctx, b.id)).tags).toEqual(["vip"]);

    expect(await tagContacts(ctx, { ids: [a.id, b.id], remove: ["vip"] })).toEqual({ updated: 2 });
    expect((await getContact(ctx, a.id)).tags).toEqual([]);
    const audit = await auditFor(a.id);
    expect(audit.at(-1)).toMatchObject({ action: "contact.updated", changes: { tags: { from: ["vip"], to: [] } } });
  });

  it("gives each contact its own result when they started with different tags", async () => {
    const ids = [];
    for (const [i, tags] of [["a"], ["b"], ["a", "b"], []].entries()) {
      ids.push((await createContact(ctx, { phone: `+1 617 555 03${10 + i}`, tags })).id);
    }
    expect(await tagContacts(ctx, { ids, add: ["c"], remove: ["a"] })).toEqual({ updated: 4 });
    const after = await Promise.all(ids.map(async (id) => (await getContact(ctx, id)).tags));
    expect(after).toEqual([["c"], ["b", "c"], ["b", "c"], ["c"]]);
  });
});

describe("listContacts", () => {
  let pageCtx: OrgContext;
  let expected: string[];

  beforeAll(async () => {
    const { owner: pageOwner, org } = await createOrgWithOwner(db);
    pageCtx = await orgContextFor(db, pageOwner, org.id);
    // 120 imported contacts, one second apart, so "newest first" has one right answer.
    const start = Date.UTC(2025, 0, 1);
    const rows = Array.from({ length: 120 }, (_, i) => ({
      id: newId("contact", new Date(start + i * 1000)),
      orgId: org.id,
      phone: `+1212555${String(1000 + i)}`,
      firstName: `Person ${i}`,
      tags: i % 3 === 0 ? ["third"] : [],
    }));
    await pageCtx.db.contact.createMany({ data: rows });
    expected = rows.map((r) => r.id).reverse();
  });

  it("walks every contact once, newest first, page by page with the cursor", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listContacts(pageCtx, { limit: 25, cursor });
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
      expect(pages).toBeLessThanOrEqual(5);
    } while (cursor);
    expect(pages).toBe(5);
    expect(seen).toEqual(expected);
  });

  it("ends with a null cursor when the last page is exactly full", async () => {
    const first = await listContacts(pageCtx, { limit: 60 });
    const second = await listContacts(pageCtx, { limit: 60, cursor: first.nextCursor! });
    expect(second.items).toHaveLength(60);
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((c) => c.id)).toEqual(expected);
  });

  it("paginates a filtered list the same way and counts it", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listContacts(pageCtx, { tag: "third", limit: 7, cursor });
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(expected.filter((_, i) => (119 - i) % 3 === 0));
    expect(await countContacts(pageCtx, { tag: "third" })).toBe(40);
    expect(await countContacts(pageCtx, {})).toBe(120);
  });

  it("does not return custom field values or the search column in the table", async () => {
    const page = await listContacts(pageCtx, { limit: 1 });
    expect(page.items[0]).not.toHaveProperty("customFields");
    expect(page.items[0]).not.toHaveProperty("searchText");
  });
});

describe("search", () => {
  let searchCtx: OrgContext;
  const ids = { grace: "", alan: "", ada: "" };

  beforeAll(async () => {
    const { owner: o, org } = await createOrgWithOwner(db);
    searchCtx = await orgContextFor(db, o, org.id);
    ids.grace = (await createContact(searchCtx, { phone: "+1 202 555 0147", firstName: "Grace", lastName: "Hopper", email: "grace@navy.example" })).id;
    ids.alan = (await createContact(searchCtx, { phone: "+44 20 7946 0958", firstName: "Alan", lastName: "Turing", email: "alan@bletchley.example" })).id;
    ids.ada = (await createContact(searchCtx, { phone: "+1 202 555 0199", firstName: "Ada", lastName: "Lovelace" })).id;
    // Another org's contact with a matching name must never show up.
    const other = await createOrgWithOwner(db);
    await createContact(await orgContextFor(db, other.owner, other.org.id), { phone: "+1 202 555 0147", firstName: "Grace" });
  });

  const search = async (text: string) => (await listContacts(searchCtx, { search: text })).items.map((c) => c.id).sort();

  it("finds by a part of the name, in any case", async () => {
    expect(await search("grac")).toEqual([ids.grace]);
    expect(await search("LOVE")).toEqual([ids.ada]);
    expect(await search("a")).toEqual([ids.ada, ids.alan, ids.grace].sort());
  });

  it("finds by a part of the number and of the email", async () => {
    expect(await search("555 01")).toEqual([]);
    expect(await search("2025550")).toEqual([ids.ada, ids.grace].sort());
    expect(await search("+4420")).toEqual([ids.alan]);
    expect(await search("bletchley")).toEqual([ids.alan]);
    expect(await countContacts(searchCtx, { search: "navy.example" })).toBe(1);
  });

  it("keeps the search column in step when a contact changes", async () => {
    await updateContact(searchCtx, { id: ids.ada, lastName: "King", email: "ada@analytical.example" });
    expect(await search("lovelace")).toEqual([]);
    expect(await search("king")).toEqual([ids.ada]);
    expect(await search("analytical")).toEqual([ids.ada]);
  });

  it("treats % _ and \\ as the characters they are, not as LIKE wildcards", async () => {
    expect(await search("%")).toEqual([]);
    expect(await search("_")).toEqual([]);
    expect(await search("gr_ce")).toEqual([]);
    expect(await search("\\")).toEqual([]);
    const odd = await createContact(searchCtx, { phone: "+1 202 555 0123", firstName: "100%_sure\\" });
    expect(await search("0%_s")).toEqual([odd.id]);
    expect(await search("%_sure\\")).toEqual([odd.id]);
  });
});
