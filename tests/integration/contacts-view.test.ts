// The Contacts page's view: filters as a segment definition (quick filters are rules, ANDed with
// the advanced definition and the search), and every order walked page by page by keyset, each row
// exactly once, ties broken by id.
import { beforeAll, describe, expect, it } from "vitest";
import { bulkContacts } from "@/lib/contacts/bulk-contacts";
import { changeConsent } from "@/lib/contacts/change-consent";
import { createContact } from "@/lib/contacts/create-contact";
import type { ContactSort } from "@/lib/contacts/contact-input";
import { countContacts, listContacts } from "@/lib/contacts/list-contacts";
import { updateContact } from "@/lib/contacts/update-contact";
import { newId } from "@/lib/ids";
import { addToList } from "@/lib/lists/list-membership";
import { createList } from "@/lib/lists/manage-lists";
import type { OrgContext } from "@/lib/org-context";
import type { SegmentDefinition } from "@/lib/segments/rule-model";
import { setupTestDatabase } from "./helpers/db";
import { expectDomainError } from "./helpers/expect-error";
import { createOrgWithOwner, orgContextFor } from "./helpers/factories";

const { db } = await setupTestDatabase();
let ctx: OrgContext;
let listId: string;

// Names repeat (ties), some contacts have none, statuses mix.
const PEOPLE: { first?: string; last?: string; tags: string[]; optedOut?: boolean }[] = [
  { first: "Zoe", last: "Adams", tags: ["vip"] },
  { first: "ann", last: "Baker", tags: [] },
  { first: "Ann", last: "Baker", tags: ["vip"], optedOut: true },
  { tags: ["vip"] },
  { first: "Carl", tags: [], optedOut: true },
  { last: "Diaz", tags: ["vip", "coffee"] },
  { tags: [] },
  { first: "Ann", last: "Able", tags: ["coffee"] },
];
const ids: string[] = [];

beforeAll(async () => {
  const created = await createOrgWithOwner(db, { defaultCountry: "US" });
  ctx = await orgContextFor(db, created.owner, created.org.id);
  listId = (await createList(ctx, { name: "Store" })).id;
  for (const [i, p] of PEOPLE.entries()) {
    // Phones in an order unrelated to creation.
    const c = await createContact(ctx, { phone: `+1202555${String(3000 - i * 37).padStart(4, "0")}`, firstName: p.first, lastName: p.last, tags: p.tags });
    ids.push(c.id);
    if (p.optedOut) await changeConsent(ctx, { id: c.id, kind: "OPT_OUT" }, "ui");
  }
  await addToList(ctx, { listId, contactIds: [ids[0]!, ids[2]!, ids[5]!, ids[7]!] });
  // Another org's contacts never appear.
  const other = await createOrgWithOwner(db);
  await createContact(await orgContextFor(db, other.owner, other.org.id), { phone: "+12025550000", firstName: "Ann", tags: ["vip"] });
});

async function walk(sort: ContactSort, dir: "asc" | "desc", limit = 3) {
  const seen: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listContacts(ctx, { sort, dir, limit, cursor });
    seen.push(...page.items.map((c) => c.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return seen;
}

describe("sorting with keyset pages", () => {
  const rows = () => db.contact.findMany({ where: { orgId: ctx.orgId } });

  it("walks every order in both directions, each contact once, in the order of its key then id", async () => {
    const all = await rows();
    const keyOf: Record<ContactSort, (c: (typeof all)[number]) => string> = {
      created: () => "",
      name: (c) => [c.firstName, c.lastName].filter(Boolean).join(" ").toLowerCase(),
      phone: (c) => c.phone,
      status: (c) => c.consentStatus,
    };
    for (const sort of ["created", "name", "phone", "status"] as const) {
      const asc = [...all].sort((a, b) => (keyOf[sort](a) < keyOf[sort](b) ? -1 : keyOf[sort](a) > keyOf[sort](b) ? 1 : a.id < b.id ? -1 : 1)).map((c) => c.id);
      expect(await walk(sort, "asc"), `${sort} asc`).toEqual(asc);
      expect(await walk(sort, "desc"), `${sort} desc`).toEqual([...asc].reverse());
    }
  });

  it("keeps newest first as the default, its cursor the last id (the REST API's starting_after)", async () => {
    const page = await listContacts(ctx, { limit: 2 });
    expect(page.items.map((c) => c.id)).toEqual([ids[7], ids[6]]);
    expect(page.nextCursor).toBe(ids[6]);
  });

  it("follows a rename in the name order (the sort key is kept by the database)", async () => {
    await updateContact(ctx, { id: ids[6]!, firstName: "Aaron" });
    expect((await listContacts(ctx, { sort: "name", dir: "asc", limit: 50 })).items.find((c) => c.firstName)?.id).toBe(ids[6]);
    await updateContact(ctx, { id: ids[6]!, firstName: null });
  });

  it("refuses a damaged cursor, naming it", async () => {
    await expectDomainError(listContacts(ctx, { sort: "name", cursor: "not-a-cursor" }), "BAD_REQUEST", "cursor");
  });
});

describe("filters as a segment definition", () => {
  const vipNoAnn: SegmentDefinition = {
    timeZone: "UTC",
    root: {
      type: "group",
      match: "all",
      rules: [
        { type: "condition", field: "tags", operator: "has_any", value: ["vip"] },
        { type: "group", match: "any", rules: [{ type: "condition", field: "firstName", operator: "is_not", value: "ann" }] },
      ],
    },
  };
  const listed = async (input: Parameters<typeof listContacts>[1]) => (await listContacts(ctx, { ...input, limit: 50 })).items.map((c) => c.id).sort();

  it("maps the quick filters to rules and ANDs them with the definition and the search", async () => {
    expect(await listed({ status: "OPTED_OUT" })).toEqual([ids[2], ids[4]].sort());
    expect(await listed({ tag: "coffee" })).toEqual([ids[5], ids[7]].sort());
    expect(await listed({ listId })).toEqual([ids[0], ids[2], ids[5], ids[7]].sort());
    expect(await listed({ definition: vipNoAnn })).toEqual([ids[0], ids[3], ids[5]].sort());
    expect(await listed({ definition: vipNoAnn, listId })).toEqual([ids[0], ids[5]].sort());
    expect(await listed({ definition: vipNoAnn, listId, search: "diaz" })).toEqual([ids[5]]);
    expect(await countContacts(ctx, { definition: vipNoAnn, listId })).toBe(2);
    expect(await countContacts(ctx, {})).toBe(PEOPLE.length);
  });

  it("names the rule a bad definition trips on", async () => {
    const bad: SegmentDefinition = { timeZone: "UTC", root: { type: "group", match: "all", rules: [{ type: "condition", field: "custom.nope", operator: "is", value: "x" }] } };
    await expectDomainError(countContacts(ctx, { definition: bad }), "BAD_REQUEST", "definition.root.rules.0.field");
  });
});

describe("bulk actions on every matching contact", () => {
  let bulkCtx: OrgContext;
  let bulkList: string;
  const N = 1205; // more than one batch

  beforeAll(async () => {
    const created = await createOrgWithOwner(db);
    bulkCtx = await orgContextFor(db, created.owner, created.org.id);
    bulkList = (await createList(bulkCtx, { name: "Everyone tagged" })).id;
    await db.contact.createMany({
      data: Array.from({ length: N }, (_, i) => ({
        id: newId("contact"),
        orgId: bulkCtx.orgId,
        phone: `+1303555${String(i).padStart(4, "0")}`,
        tags: i % 5 === 0 ? ["other"] : ["bulk"],
      })),
    });
  });

  const tagged = (tag: string) => countContacts(bulkCtx, { tag });

  it("tags, lists, untags (while the walk changes who matches) and deletes, on the server in batches", async () => {
    const bulkCount = await tagged("bulk");
    expect(bulkCount).toBe(N - Math.ceil(N / 5));
    expect(await bulkContacts(bulkCtx, { filter: { tag: "bulk" }, action: { kind: "tag", add: ["seen"] } })).toEqual({ matched: bulkCount, changed: bulkCount });
    expect(await tagged("seen")).toBe(bulkCount);

    expect(await bulkContacts(bulkCtx, { filter: { tag: "seen" }, action: { kind: "add_to_list", listId: bulkList } })).toEqual({ matched: bulkCount, changed: bulkCount });
    expect(await countContacts(bulkCtx, { listId: bulkList })).toBe(bulkCount);

    // Removing the very tag the filter selects by: every contact is still met once.
    expect(await bulkContacts(bulkCtx, { filter: { tag: "bulk" }, action: { kind: "tag", remove: ["bulk"] } })).toEqual({ matched: bulkCount, changed: bulkCount });
    expect(await tagged("bulk")).toBe(0);

    const before = await countContacts(bulkCtx, {});
    expect(await bulkContacts(bulkCtx, { filter: { listId: bulkList, search: "55500" }, action: { kind: "delete" } })).toMatchObject({ changed: 80 });
    expect(await countContacts(bulkCtx, {})).toBe(before - 80);
  });

  it("refuses another org's list as the target, naming it", async () => {
    await expectDomainError(bulkContacts(bulkCtx, { filter: {}, action: { kind: "add_to_list", listId } }), "NOT_FOUND", "action.listId");
  });
});
