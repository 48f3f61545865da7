// The audit page reads names, not ids: audit.list names every object a page quotes (its targets and
// ids in `changes`), null once the object is gone, in one query per kind of object for the page;
// and the log filters by kind of object, action and actor, whose choices audit.actors lists.
import { beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { listAudit } from "@/lib/audit/list-audit";
import { recordAudit } from "@/lib/audit/record-audit";
import { createContact } from "@/lib/contacts/create-contact";
import { deleteContacts } from "@/lib/contacts/delete-contacts";
import type { ScopedDb } from "@/lib/db/scoped";
import { addToList } from "@/lib/lists/list-membership";
import { createList } from "@/lib/lists/manage-lists";
import { createSegment } from "@/lib/segments/manage-segments";
import type { OrgContext } from "@/lib/org-context";
import { setupTestDatabase } from "./helpers/db";
import { callerFor, createOrgWithOwner, orgContextFor, type Caller, type TestUser } from "./helpers/factories";

const { db } = await setupTestDatabase();

let owner: TestUser;
let ctx: OrgContext;
let caller: Caller;
let ada: { id: string; phone: string };
let gone: { id: string };
let vip: { id: string };
let keyId: string;
let regulars: { id: string };

beforeAll(async () => {
  const created = await createOrgWithOwner(db);
  owner = created.owner;
  ctx = await orgContextFor(db, owner, created.org.id);
  caller = callerFor(db, owner, ctx.orgId);
  ada = await createContact(ctx, { phone: "+1 415 555 0101", firstName: "Ada", lastName: "Lovelace" });
  gone = await createContact(ctx, { phone: "+1 415 555 0102" });
  vip = await createList(ctx, { name: "VIP" });
  await addToList(ctx, { listId: vip.id, contactIds: [ada.id] });
  regulars = await createSegment(ctx, { name: "Regulars", definition: { root: { type: "group", match: "all", rules: [] } } });
  await deleteContacts(ctx, { ids: [gone.id] });
  const key = await createApiKey(ctx, { name: "Checkout", scopes: ["contacts:write"] });
  keyId = key.key.id;
  const asKey: OrgContext = { ...ctx, actor: { type: "API_KEY", id: keyId, label: "Checkout" }, role: null };
  await createContact(asKey, { phone: "+1 415 555 0103", firstName: "Grace" });
  const system = { orgId: ctx.orgId, actor: { type: "SYSTEM", id: null, label: "Webhook deliveries" } } as const;
  await recordAudit(system, db, { action: "webhook_endpoint.auto_disabled", targetType: "webhook_endpoint", targetId: "we_0000000000000000000000zz" });
});

describe("audit names", () => {
  it("names targets with a link, ids in changes, and says which objects are gone", async () => {
    const { items, refs } = await caller.audit.list({});
    expect(refs[ada.id]).toEqual({ label: "Ada Lovelace (+14155550101)", href: `/contacts/${ada.id}` });
    expect(refs[vip.id]).toEqual({ label: "VIP", href: `/lists/${vip.id}` });
    expect(refs[regulars.id]).toEqual({ label: "Regulars", href: `/segments/${regulars.id}` });
    expect(refs[keyId]).toEqual({ label: "Checkout", href: "/developers" });
    expect(refs[ctx.orgId]).toMatchObject({ href: "/settings" });
    // Deleted: quoted by its rows, named by none.
    expect(items.some((row) => row.targetId === gone.id)).toBe(true);
    expect(refs[gone.id]).toBeNull();
    expect(refs["we_0000000000000000000000zz"]).toBeNull();
    // list.members_added quotes the contact it added.
    const added = items.find((row) => row.action === "list.members_added");
    expect(added?.changes).toEqual({ contactIds: [ada.id], added: 1 });
  });

  it("asks the database once per kind of object for the whole page, not once per row", async () => {
    for (let i = 0; i < 12; i++) {
      const list = await createList(ctx, { name: `List ${i}` });
      await addToList(ctx, { listId: list.id, contactIds: [(await createContact(ctx, { phone: `+1 415 555 02${String(i).padStart(2, "0")}` })).id] });
    }
    const calls: string[] = [];
    const counted = ctx.db.$extends({
      query: {
        $allModels: {
          $allOperations({ model, operation, args, query }) {
            calls.push(`${model}.${operation}`);
            return query(args);
          },
        },
      },
    }) as unknown as ScopedDb;
    const page = await listAudit({ ...ctx, db: counted }, { limit: 100 });
    expect(page.items.length).toBeGreaterThan(40);
    expect(calls.filter((c) => c === "Contact.findMany")).toHaveLength(1);
    expect(calls.filter((c) => c === "ContactList.findMany")).toHaveLength(1);
    expect(new Set(calls).size).toBe(calls.length);
  });

  it("filters by kind of object, action and actor", async () => {
    const lists = await caller.audit.list({ targetType: "list", limit: 200 });
    expect(lists.items.length).toBeGreaterThan(0);
    expect(lists.items.every((row) => row.targetType === "list")).toBe(true);

    const deleted = await caller.audit.list({ action: "contact.deleted" });
    expect(deleted.items.map((row) => row.targetId)).toEqual([gone.id]);

    const byKey = await caller.audit.list({ actorType: "API_KEY", actorId: keyId });
    expect(byKey.items.map((row) => [row.action, row.actorLabel])).toEqual([["contact.created", "Checkout"]]);

    const bySystem = await caller.audit.list({ actorType: "SYSTEM" });
    expect(bySystem.items.map((row) => row.action)).toEqual(["webhook_endpoint.auto_disabled"]);

    const byOwner = await caller.audit.list({ actorType: "USER", actorId: owner.id, limit: 200 });
    expect(byOwner.items.length).toBeGreaterThan(0);
    expect(byOwner.items.every((row) => row.actorId === owner.id)).toBe(true);

    await expect(caller.audit.list({ action: "contact.exploded" as "contact.created" })).rejects.toThrow();
  });

  it("lists the actors to filter by: members, API keys and the system", async () => {
    const actors = await caller.audit.actors();
    expect(actors).toEqual([
      { type: "USER", id: owner.id, label: `${owner.name} (${owner.email})` },
      { type: "API_KEY", id: keyId, label: "API key: Checkout" },
      { type: "SYSTEM", id: null, label: "System" },
    ]);
  });

  it("does not name another org's objects, even when a row quotes their ids", async () => {
    const other = await createOrgWithOwner(db);
    const otherCtx = await orgContextFor(db, other.owner, other.org.id);
    await recordAudit(otherCtx, db, { action: "list.members_added", targetType: "list", targetId: vip.id, changes: { contactIds: [ada.id] } });
    const { items, refs } = await callerFor(db, other.owner, other.org.id).audit.list({ targetId: vip.id });
    expect(items).toHaveLength(1);
    expect(refs).toEqual({ [vip.id]: null, [ada.id]: null });
  });
});
