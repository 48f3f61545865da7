// Tenant isolation: user B, a member of org B only, tries every procedure against org A, first by
// asking for org A outright, then from inside org B with org A's IDs as input. Neither may reach
// org A's rows. The case map must name every procedure of appRouter, so a new procedure fails this
// file until someone decides how it must treat another org's IDs.
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { scopedDb } from "@/lib/db/scoped";
import { newId } from "@/lib/ids";
import { setupTestDatabase } from "./helpers/db";
import { callerFor, type TestUser } from "./helpers/factories";
import { callProcedure as call, PROCEDURE_PATHS } from "./helpers/procedures";
import { CASES, NOT_ORG_SCOPED } from "./helpers/tenant-cases";
import { seedTwoOrgs, snapshotOrg, type Fixture } from "./helpers/tenant-fixture";

const { db } = await setupTestDatabase();
const PATHS = PROCEDURE_PATHS;

async function outcomeOf(promise: Promise<unknown>): Promise<{ ok: true; result: unknown } | { ok: false; error: unknown }> {
  try {
    return { ok: true, result: await promise };
  } catch (error) {
    return { ok: false, error };
  }
}

let f: Fixture;
let userB: TestUser;
let secrets: string[];
const snapshotOrgA = () => snapshotOrg(db, f.orgA);

function expectNoOrgAData(path: string, result: unknown) {
  const text = JSON.stringify(result) ?? "";
  for (const secret of secrets) expect(text, `${path} returned org A's ${secret}`).not.toContain(secret);
}

beforeAll(async () => {
  ({ f, userB, secrets } = await seedTwoOrgs(db));
});

describe("the case map", () => {
  it("has an entry for every procedure of appRouter, and none for procedures that are gone", () => {
    expect(PATHS.length).toBeGreaterThan(20);
    expect(PATHS).toContain("contacts.list");
    expect(PATHS.filter((p) => !(p in CASES)), "procedures without an isolation case").toEqual([]);
    expect(Object.keys(CASES).filter((p) => !PATHS.includes(p)), "cases for procedures that no longer exist").toEqual([]);
  });
});

describe("asking for org A as a member of org B only", () => {
  it.each(PATHS)("%s is refused with FORBIDDEN", async (path) => {
    const build = CASES[path];
    expect(build, `no isolation case for ${path}`).toBeDefined();
    const before = await snapshotOrgA();
    const outcome = await outcomeOf(call(callerFor(db, userB, f.orgA), path, build!(f)[0]!.input));
    if (NOT_ORG_SCOPED.has(path)) {
      // These act on the signed-in user, whatever org is asked for; they must still show nothing of A.
      expect(outcome.ok, `${path} failed: ${outcome.ok ? "" : String(outcome.error)}`).toBe(true);
      if (outcome.ok) expectNoOrgAData(path, outcome.result);
    } else {
      expect(outcome.ok, `${path} succeeded in another org`).toBe(false);
      if (!outcome.ok) {
        expect(outcome.error).toBeInstanceOf(TRPCError);
        expect((outcome.error as TRPCError).code).toBe("FORBIDDEN");
      }
    }
    expect(await snapshotOrgA()).toEqual(before);
  });

  it("refuses every procedure without a signed-in user", async () => {
    for (const path of PATHS) {
      const outcome = await outcomeOf(call(callerFor(db, null, f.orgA), path, CASES[path]!(f)[0]!.input));
      expect(outcome.ok, path).toBe(false);
      if (!outcome.ok) expect((outcome.error as TRPCError).code, path).toBe("UNAUTHORIZED");
    }
  });
});

describe("working in org B with org A's IDs", () => {
  it.each(PATHS)("%s does not reach org A", async (path) => {
    const build = CASES[path];
    expect(build, `no isolation case for ${path}`).toBeDefined();
    for (const c of build!(f)) {
      const label = `${path}(${JSON.stringify(c.input)})`;
      const before = await snapshotOrgA();
      const outcome = await outcomeOf(call(callerFor(db, userB, f.orgB), path, c.input));
      if (c.outcome === "ok") {
        expect(outcome.ok, `${label} failed: ${outcome.ok ? "" : String(outcome.error)}`).toBe(true);
        if (outcome.ok) {
          expectNoOrgAData(label, c.scanned ? c.scanned(outcome.result) : outcome.result);
          c.check?.(outcome.result);
        }
      } else {
        expect(outcome.ok, `${label} should be ${c.outcome}`).toBe(false);
        if (!outcome.ok) {
          expect(outcome.error).toBeInstanceOf(TRPCError);
          expect((outcome.error as TRPCError).code, label).toBe(c.outcome);
        }
      }
      expect(await snapshotOrgA(), `${label} changed org A`).toEqual(before);
    }
  });
});

describe("the scoped client", () => {
  it("does not read another org's rows, by ID or otherwise", async () => {
    const scopedB = scopedDb(db, f.orgB);
    expect(await scopedB.contact.findUnique({ where: { id: f.contactA } })).toBeNull();
    expect(await scopedB.contact.findFirst({ where: { phone: f.contactAPhone, firstName: "SecretAlice" } })).toBeNull();
    expect(await scopedB.contactList.findUnique({ where: { id: f.listA } })).toBeNull();
    expect(await scopedB.customFieldDefinition.findUnique({ where: { id: f.fieldA } })).toBeNull();
    expect(await scopedB.membership.findUnique({ where: { id: f.memberMembershipA } })).toBeNull();
    expect(await scopedB.invitation.findUnique({ where: { id: f.invitationA } })).toBeNull();
    expect(await scopedB.auditLog.findUnique({ where: { id: f.auditA } })).toBeNull();
    await expect(scopedB.contact.findUniqueOrThrow({ where: { id: f.contactA } })).rejects.toThrow();

    const everything = [
      ...(await scopedB.contact.findMany()),
      ...(await scopedB.contactList.findMany()),
      ...(await scopedB.listMembership.findMany()),
      ...(await scopedB.membership.findMany()),
      ...(await scopedB.auditLog.findMany()),
    ];
    expect(everything.length).toBeGreaterThan(0);
    expect(everything.every((row) => row.orgId === f.orgB)).toBe(true);
    expect(await scopedB.contact.count({ where: { id: f.contactA } })).toBe(0);
    // A filter naming org A narrows B's scope to nothing; it does not replace it.
    expect(await scopedB.contact.count({ where: { orgId: f.orgA } })).toBe(0);
    expect((await scopedB.contact.aggregate({ _count: { _all: true }, where: { orgId: f.orgA } }))._count._all).toBe(0);
    expect(await scopedB.contact.findMany({ where: { OR: [{ orgId: f.orgA }, { id: f.contactA }] } })).toEqual([]);
    expect(await scopedB.contact.findMany({ where: { AND: [{ id: f.contactA }] } })).toEqual([]);
    expect(await scopedB.contact.count()).toBe(await db.contact.count({ where: { orgId: f.orgB } }));
  });

  it("does not read another organisation's own row", async () => {
    const scopedB = scopedDb(db, f.orgB);
    expect(await scopedB.organization.findUnique({ where: { id: f.orgA } })).toBeNull();
    expect((await scopedB.organization.findMany()).map((o) => o.id)).toEqual([f.orgB]);
    await expect(scopedB.organization.update({ where: { id: f.orgA }, data: { name: "Taken over" } })).rejects.toThrow();
    expect((await db.organization.findUniqueOrThrow({ where: { id: f.orgA } })).name).toBe("Org A secret name");
  });

  it("cannot change or delete another org's rows", async () => {
    const scopedB = scopedDb(db, f.orgB);
    const before = await snapshotOrgA();
    await expect(scopedB.contact.update({ where: { id: f.contactA }, data: { firstName: "Mallory" } })).rejects.toThrow();
    await expect(scopedB.contact.delete({ where: { id: f.contactA } })).rejects.toThrow();
    expect(await scopedB.contact.updateMany({ where: { id: f.contactA }, data: { firstName: "Mallory" } })).toEqual({ count: 0 });
    expect(await scopedB.contact.deleteMany({ where: { id: f.contactA } })).toEqual({ count: 0 });
    const listsOfB = await db.contactList.count({ where: { orgId: f.orgB } });
    expect(await scopedB.contactList.deleteMany({ where: { orgId: f.orgA } })).toEqual({ count: 0 });
    expect(await db.contactList.count({ where: { orgId: f.orgB } })).toBe(listsOfB);
    expect(await scopedB.listMembership.deleteMany({ where: { listId: f.listA } })).toEqual({ count: 0 });
    expect(await scopedB.membership.updateMany({ data: { role: "MEMBER" }, where: { orgId: f.orgA } })).toEqual({ count: 0 });
    expect(await db.membership.findFirst({ where: { orgId: f.orgB, userId: userB.id } })).toMatchObject({ role: "OWNER" });
    await expect(scopedB.customFieldDefinition.delete({ where: { id: f.fieldA } })).rejects.toThrow();
    expect(await snapshotOrgA()).toEqual(before);
  });

  it("writes new rows into its own org even when told otherwise", async () => {
    const scopedB = scopedDb(db, f.orgB);
    const created = await scopedB.contactList.create({ data: { id: newId("list"), orgId: f.orgA, name: "Smuggled" } });
    expect(created.orgId).toBe(f.orgB);
    await scopedB.contactList.createMany({ data: [{ id: newId("list"), orgId: f.orgA, name: "Smuggled 2" }] });
    expect(await db.contactList.count({ where: { orgId: f.orgA, name: { startsWith: "Smuggled" } } })).toBe(0);
    expect(await db.contactList.count({ where: { orgId: f.orgB, name: { startsWith: "Smuggled" } } })).toBe(2);

    // An upsert keyed on A's row does not find it, so it creates in B instead of updating A.
    const upserted = await scopedB.contactList.upsert({
      where: { id: f.listA },
      create: { id: newId("list"), orgId: f.orgA, name: "Upserted" },
      update: { name: "Hijacked" },
    });
    expect(upserted.orgId).toBe(f.orgB);
    expect((await db.contactList.findUniqueOrThrow({ where: { id: f.listA } })).name).toBe("List of A");
  });

  it("stays scoped inside an interactive transaction", async () => {
    const scopedB = scopedDb(db, f.orgB);
    await scopedB.$transaction(async (tx) => {
      expect(await tx.contact.findUnique({ where: { id: f.contactA } })).toBeNull();
      expect(await tx.contact.updateMany({ where: { id: f.contactA }, data: { firstName: "Mallory" } })).toEqual({ count: 0 });
      expect((await tx.contact.findMany()).every((c) => c.orgId === f.orgB)).toBe(true);
    });
    expect((await db.contact.findUniqueOrThrow({ where: { id: f.contactA } })).firstName).toBe("SecretAlice");
  });
});
