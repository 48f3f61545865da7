// orgSql / orgSqlTransaction (lib/db/sql.ts): raw SQL bound to one org. A statement that does not
// bind the org it acts for (forgot the org, or names another org) is refused before it reaches the
// database, alone or inside a transaction (which then rolls back); without an org there is no client.
// Raw SQL through the org-scoped Prisma client (ctx.db, lib/db/scoped.ts) gets the same check, on
// the client and in its interactive transactions; the *Unsafe variants are refused outright.
import { beforeAll, describe, expect, it } from "vitest";
import { orgSql, orgSqlTransaction, systemSql, UnboundOrgError } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";
import type { OrgContext } from "@/lib/org-context";
import { setupTestDatabase } from "../helpers/db";
import { createOrgWithOwner, orgContextFor } from "../helpers/factories";

const { db } = await setupTestDatabase();

let a: OrgContext;
let b: OrgContext;
const phonesOf = async (orgId: string) =>
  (await db.contact.findMany({ where: { orgId }, orderBy: { phone: "asc" } })).map((c) => c.phone);

beforeAll(async () => {
  const orgA = await createOrgWithOwner(db);
  const orgB = await createOrgWithOwner(db);
  a = await orgContextFor(db, orgA.owner, orgA.org.id);
  b = await orgContextFor(db, orgB.owner, orgB.org.id);
  await db.contact.createMany({
    data: [
      { id: newId("contact"), orgId: a.orgId, phone: "+14155550101" },
      { id: newId("contact"), orgId: b.orgId, phone: "+14155550201" },
      { id: newId("contact"), orgId: b.orgId, phone: "+14155550202" },
    ],
  });
});

describe("orgSql", () => {
  it("runs a statement that binds its org, which reads that org's rows only", async () => {
    const rows = await orgSql(a).$queryRaw<{ phone: string }[]>`SELECT phone FROM "Contact" WHERE "orgId" = ${a.orgId}`;
    expect(rows.map((r) => r.phone)).toEqual(["+14155550101"]);
  });

  it("refuses, without running it, a statement that forgets the org", async () => {
    await expect(orgSql(a).$executeRaw`DELETE FROM "Contact"`).rejects.toThrow(UnboundOrgError);
    await expect(orgSql(a).$queryRaw`SELECT phone FROM "Contact" WHERE phone = ${"+14155550201"}`).rejects.toThrow(UnboundOrgError);
    expect(await phonesOf(b.orgId)).toEqual(["+14155550201", "+14155550202"]);
    expect(await phonesOf(a.orgId)).toEqual(["+14155550101"]);
  });

  it("refuses a statement that names another org, so org A's client cannot reach org B's rows", async () => {
    await expect(orgSql(a).$queryRaw`SELECT phone FROM "Contact" WHERE "orgId" = ${b.orgId}`).rejects.toThrow(UnboundOrgError);
    await expect(orgSql(a).$executeRaw`UPDATE "Contact" SET "firstName" = 'taken' WHERE "orgId" = ${b.orgId}`).rejects.toThrow(
      /does not bind that org id/,
    );
    expect(await db.contact.count({ where: { firstName: "taken" } })).toBe(0);
  });

  it("takes an array of the org id for a set-based statement, but not one that mixes in another org", async () => {
    const insert = (orgIds: string[], phones: string[]) =>
      orgSql(a).$executeRaw`
        INSERT INTO "Contact" (id, "orgId", phone, "updatedAt")
        SELECT 'ct_' || u.phone, u.org, u.phone, now() FROM unnest(${orgIds}::text[], ${phones}::text[]) AS u(org, phone)`;
    await expect(insert([a.orgId, b.orgId], ["+14155550111", "+14155550211"])).rejects.toThrow(UnboundOrgError);
    await expect(insert([], [])).rejects.toThrow(UnboundOrgError);
    expect(await insert([a.orgId, a.orgId], ["+14155550111", "+14155550112"])).toBe(2);
    expect(await phonesOf(a.orgId)).toEqual(["+14155550101", "+14155550111", "+14155550112"]);
    expect(await phonesOf(b.orgId)).toEqual(["+14155550201", "+14155550202"]);
  });

  it("cannot be had without an org", async () => {
    // @ts-expect-error a database client alone names no org
    expect(() => orgSql(a.db)).toThrow("ctx.orgId is missing");
    expect(() => orgSql({ db: a.db, orgId: "" })).toThrow("ctx.orgId is missing");
    // @ts-expect-error nor a database client alone
    await expect(orgSqlTransaction(a.db, async () => {})).rejects.toThrow("ctx.orgId is missing");
  });
});

describe("orgSqlTransaction", () => {
  it("rolls back what it wrote when one of its statements is refused", async () => {
    await expect(
      orgSqlTransaction(a, async (tx) => {
        await tx.$executeRaw`UPDATE "Contact" SET "firstName" = 'half' WHERE "orgId" = ${a.orgId}`;
        await tx.$executeRaw`UPDATE "Contact" SET "firstName" = 'half' WHERE "orgId" = ${b.orgId}`;
      }),
    ).rejects.toThrow(UnboundOrgError);
    expect(await db.contact.count({ where: { firstName: "half" } })).toBe(0);
  });

  it("commits statements that bind the org", async () => {
    const tx = await orgSqlTransaction(a, async (tx) => {
      await tx.$executeRaw`UPDATE "Contact" SET "firstName" = 'Ada' WHERE "orgId" = ${a.orgId} AND phone = ${"+14155550101"}`;
      return tx;
    });
    expect(tx.orgId).toBe(a.orgId);
    expect((await db.contact.findFirstOrThrow({ where: { orgId: a.orgId, phone: "+14155550101" } })).firstName).toBe("Ada");
  });
});

describe("raw SQL on the org-scoped client (ctx.db)", () => {
  it("runs a statement that binds its org, alone and in a transaction", async () => {
    const rows = await a.db.$queryRaw<{ phone: string }[]>`SELECT phone FROM "Contact" WHERE "orgId" = ${a.orgId} ORDER BY phone`;
    expect(rows.map((r) => r.phone)).toEqual(await phonesOf(a.orgId));
    const updated = await a.db.$transaction(async (tx) => {
      const n = await tx.$executeRaw`UPDATE "Contact" SET "lastName" = 'Scoped' WHERE "orgId" = ${a.orgId} AND phone = ${"+14155550101"}`;
      const [row] = await tx.$queryRaw<{ lastName: string }[]>`SELECT "lastName" FROM "Contact" WHERE "orgId" = ${a.orgId} AND phone = ${"+14155550101"}`;
      return { n, lastName: row!.lastName };
    });
    expect(updated).toEqual({ n: 1, lastName: "Scoped" });
  });

  it("refuses, without running it, a statement that forgets the org or names another", async () => {
    await expect(a.db.$executeRaw`DELETE FROM "Contact"`).rejects.toThrow(UnboundOrgError);
    await expect(a.db.$queryRaw`SELECT phone FROM "Contact" WHERE "orgId" = ${b.orgId}`).rejects.toThrow(UnboundOrgError);
    await expect(a.db.$queryRaw(Prisma.sql`SELECT phone FROM "Contact" WHERE phone = ${"+14155550201"}`)).rejects.toThrow(UnboundOrgError);
    expect(await phonesOf(b.orgId)).toEqual(["+14155550201", "+14155550202"]);
  });

  it("refuses one inside ctx.db.$transaction, which then rolls back what it wrote", async () => {
    await expect(
      a.db.$transaction(async (tx) => {
        await tx.$executeRaw`UPDATE "Contact" SET "firstName" = 'scopedhalf' WHERE "orgId" = ${a.orgId}`;
        await tx.$executeRaw`UPDATE "Contact" SET "firstName" = 'scopedhalf' WHERE "orgId" = ${b.orgId}`;
      }),
    ).rejects.toThrow(UnboundOrgError);
    await expect(a.db.$transaction(async (tx) => tx.$executeRaw`DELETE FROM "Contact"`)).rejects.toThrow(UnboundOrgError);
    expect(await db.contact.count({ where: { firstName: "scopedhalf" } })).toBe(0);
    expect(await phonesOf(b.orgId)).toEqual(["+14155550201", "+14155550202"]);
  });

  it("refuses the Unsafe variants outright, even when they name the org", async () => {
    await expect(a.db.$queryRawUnsafe(`SELECT phone FROM "Contact" WHERE "orgId" = $1`, a.orgId)).rejects.toThrow(/not allowed on an org-scoped client/);
    await expect(a.db.$executeRawUnsafe(`DELETE FROM "Contact" WHERE "orgId" = $1`, b.orgId)).rejects.toThrow(/not allowed on an org-scoped client/);
    await expect(a.db.$transaction(async (tx) => tx.$executeRawUnsafe(`DELETE FROM "Contact"`))).rejects.toThrow(/not allowed on an org-scoped client/);
    expect(await phonesOf(b.orgId)).toEqual(["+14155550201", "+14155550202"]);
  });

  it("leaves the unscoped client's raw SQL alone (system paths)", async () => {
    const rows = await db.$queryRaw<{ n: number }[]>`SELECT count(DISTINCT "orgId")::int AS n FROM "Contact"`;
    expect(rows[0]!.n).toBe(2);
  });
});

describe("systemSql", () => {
  it("crosses orgs, as the dispatcher, receipts and sweepers need", async () => {
    const rows = await systemSql(db).$queryRaw<{ n: number }[]>`SELECT count(DISTINCT "orgId")::int AS n FROM "Contact"`;
    expect(rows[0]!.n).toBe(2);
  });
});
