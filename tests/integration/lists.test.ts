import { beforeAll, describe, expect, it } from "vitest";
import { createContact } from "@/lib/contacts/create-contact";
import { deleteContacts } from "@/lib/contacts/delete-contacts";
import { getContact } from "@/lib/contacts/get-contact";
import { listContacts } from "@/lib/contacts/list-contacts";
import { addToList, removeFromList } from "@/lib/lists/list-membership";
import { createList, deleteList, getList, listLists, renameList } from "@/lib/lists/manage-lists";
import type { OrgContext } from "@/lib/org-context";
import { setupTestDatabase } from "./helpers/db";
import { expectDomainError } from "./helpers/expect-error";
import { createOrgWithOwner, orgContextFor } from "./helpers/factories";

const { db } = await setupTestDatabase();

let ctx: OrgContext;
let contacts: string[];
let phoneSeq = 100;

async function newContacts(n: number) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await createContact(ctx, { phone: `+1 415 555 0${phoneSeq++}` })).id);
  return ids;
}

beforeAll(async () => {
  const { owner, org } = await createOrgWithOwner(db);
  ctx = await orgContextFor(db, owner, org.id);
  contacts = await newContacts(4);
});

describe("managing lists", () => {
  it("creates, renames and deletes a list, auditing each step", async () => {
    const list = await createList(ctx, { name: "  Newsletter  " });
    expect(list).toMatchObject({ name: "Newsletter", orgId: ctx.orgId });
    expect(list.id).toMatch(/^lst_/);

    const renamed = await renameList(ctx, { id: list.id, name: "Weekly newsletter" });
    expect(renamed.name).toBe("Weekly newsletter");
    expect((await getList(ctx, { id: list.id })).name).toBe("Weekly newsletter");

    expect(await deleteList(ctx, { id: list.id })).toEqual({ id: list.id });
    await expectDomainError(getList(ctx, { id: list.id }), "NOT_FOUND", "id");

    const audit = await db.auditLog.findMany({ where: { targetId: list.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.changes])).toEqual([
      ["list.created", { name: "Newsletter" }],
      ["list.renamed", { name: { from: "Newsletter", to: "Weekly newsletter" } }],
      ["list.deleted", { name: "Weekly newsletter" }],
    ]);
  });

  it("refuses a duplicate name on create and on rename", async () => {
    const a = await createList(ctx, { name: "VIPs" });
    await expectDomainError(createList(ctx, { name: "VIPs" }), "CONFLICT", "name");
    const b = await createList(ctx, { name: "Regulars" });
    await expectDomainError(renameList(ctx, { id: b.id, name: " VIPs " }), "CONFLICT", "name");
    expect((await getList(ctx, { id: b.id })).name).toBe("Regulars");
    // Renaming a list to its own name is not a conflict.
    expect((await renameList(ctx, { id: a.id, name: "VIPs" })).name).toBe("VIPs");
  });

  it("allows the same name in another organisation", async () => {
    await createList(ctx, { name: "Shared name" });
    const other = await createOrgWithOwner(db);
    const theirs = await createList(await orgContextFor(db, other.owner, other.org.id), { name: "Shared name" });
    expect(theirs.orgId).toBe(other.org.id);
  });

  it("reports NOT_FOUND for lists that do not exist", async () => {
    await expectDomainError(renameList(ctx, { id: "lst_missing", name: "X" }), "NOT_FOUND", "id");
    await expectDomainError(deleteList(ctx, { id: "lst_missing" }), "NOT_FOUND", "id");
    await expectDomainError(addToList(ctx, { listId: "lst_missing", contactIds: contacts }), "NOT_FOUND", "listId");
    await expectDomainError(removeFromList(ctx, { listId: "lst_missing", contactIds: contacts }), "NOT_FOUND", "listId");
  });
});

describe("list membership", () => {
  it("adds contacts once however often they are added, and counts members", async () => {
    const list = await createList(ctx, { name: "Membership" });
    expect(await addToList(ctx, { listId: list.id, contactIds: [contacts[0]!, contacts[1]!] })).toEqual({ added: 2 });
    expect(await addToList(ctx, { listId: list.id, contactIds: [contacts[1]!, contacts[2]!, contacts[2]!] })).toEqual({ added: 1 });
    expect(await addToList(ctx, { listId: list.id, contactIds: [contacts[0]!] })).toEqual({ added: 0 });

    expect((await getList(ctx, { id: list.id })).memberCount).toBe(3);
    expect((await listLists(ctx)).find((l) => l.id === list.id)?.memberCount).toBe(3);
    expect(await db.listMembership.count({ where: { listId: list.id } })).toBe(3);

    const members = (await listContacts(ctx, { listId: list.id })).items.map((c) => c.id).sort();
    expect(members).toEqual([contacts[0], contacts[1], contacts[2]].sort());
    expect((await getContact(ctx, contacts[0]!)).lists.map((l) => l.id)).toContain(list.id);
  });

  it("removes contacts, ignoring those that were not members", async () => {
    const list = await createList(ctx, { name: "Removal" });
    await addToList(ctx, { listId: list.id, contactIds: [contacts[0]!, contacts[1]!] });
    expect(await removeFromList(ctx, { listId: list.id, contactIds: [contacts[0]!, contacts[3]!] })).toEqual({ removed: 1 });
    expect(await removeFromList(ctx, { listId: list.id, contactIds: [contacts[0]!] })).toEqual({ removed: 0 });
    expect((await getList(ctx, { id: list.id })).memberCount).toBe(1);
    const audit = await db.auditLog.findMany({ where: { targetId: list.id, action: "list.members_removed" }, orderBy: { id: "asc" } });
    expect(audit.map((a) => (a.changes as { removed: number }).removed)).toEqual([1, 0]);
  });

  it("refuses to add only unknown contacts", async () => {
    const list = await createList(ctx, { name: "Unknowns" });
    await expectDomainError(addToList(ctx, { listId: list.id, contactIds: ["ct_nope"] }), "NOT_FOUND", "contactIds");
    expect(await addToList(ctx, { listId: list.id, contactIds: ["ct_nope", contacts[0]!] })).toEqual({ added: 1 });
  });

  it("drops a deleted contact from its lists, and the counts follow", async () => {
    const [doomed, stays] = await newContacts(2);
    const list = await createList(ctx, { name: "Deletion" });
    await addToList(ctx, { listId: list.id, contactIds: [doomed!, stays!] });
    expect((await getList(ctx, { id: list.id })).memberCount).toBe(2);

    await deleteContacts(ctx, { ids: [doomed!] });
    expect(await db.listMembership.count({ where: { contactId: doomed! } })).toBe(0);
    expect((await getList(ctx, { id: list.id })).memberCount).toBe(1);
    expect((await listLists(ctx)).find((l) => l.id === list.id)?.memberCount).toBe(1);
  });

  it("drops memberships with the list, but keeps the contacts", async () => {
    const list = await createList(ctx, { name: "Short-lived" });
    await addToList(ctx, { listId: list.id, contactIds: [contacts[0]!] });
    await deleteList(ctx, { id: list.id });
    expect(await db.listMembership.count({ where: { listId: list.id } })).toBe(0);
    expect(await db.contact.count({ where: { id: contacts[0]! } })).toBe(1);
  });

  it("lists lists by name with their counts", async () => {
    const lists = await listLists(ctx);
    const names = lists.map((l) => l.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(lists.every((l) => l.orgId === ctx.orgId)).toBe(true);
  });
});
