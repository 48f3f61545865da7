// afterCommit on every transaction helper (orgSqlTransaction, systemSqlTransaction and Prisma's
// $transaction, plain and org-scoped): callbacks run after COMMIT, in order, never after a rollback; a failing one is logged;
// a helper handed the transaction registers on it; emitting inside a transaction is refused.
import { describe, expect, it, vi } from "vitest";
import { afterCommit, afterCommitBatched, InsideTransactionError, inTransaction } from "@/lib/db/after-commit";
import { scopedDb } from "@/lib/db/scoped";
import { orgSql, orgSqlTransaction, systemSql, systemSqlTransaction, type SqlClient } from "@/lib/db/sql";
import { emitEvents } from "@/lib/events/emit";
import { setupTestDatabase } from "../helpers/db";
import { createOrgWithOwner } from "../helpers/factories";
import { captureLogs } from "../helpers/logs";

const database = await setupTestDatabase();
const { db } = database;
const { org } = await createOrgWithOwner(db);
const scoped = scopedDb(db, org.id);
const ctx = { db: scoped, orgId: org.id };

// Unique only at COMMIT, so a transaction can get as far as its COMMIT and fail there. Its rows name
// their org, so orgSqlTransaction's statements can bind it.
await database.sql(`CREATE TABLE "AfterCommitProbe" (id int, "orgId" text, UNIQUE (id) DEFERRABLE INITIALLY DEFERRED)`);

/** Whether row `id` is visible from a connection outside the transaction. */
const committed = async (id: number) => (await database.sql(`SELECT 1 FROM "AfterCommitProbe" WHERE id = $1`, [id])).length === 1;

type Helper = <T>(work: (tx: SqlClient) => Promise<T>) => Promise<T>;
const helpers: [string, Helper][] = [
  ["orgSqlTransaction", (work) => orgSqlTransaction(ctx, work)],
  ["systemSqlTransaction", (work) => systemSqlTransaction(db, work)],
  ["Prisma $transaction", (work) => db.$transaction((tx) => work(tx))],
  ["scoped $transaction", (work) => scoped.$transaction((tx) => work(tx))],
];

let next = 0;

describe.each(helpers)("afterCommit with %s", (_, transaction) => {
  it("runs the callbacks after the commit, in order, before the helper resolves", async () => {
    const id = ++next;
    const seen: string[] = [];
    const result = await transaction(async (tx) => {
      await tx.$executeRaw`INSERT INTO "AfterCommitProbe" (id, "orgId") VALUES (${id}, ${org.id})`;
      await afterCommit(tx, async () => seen.push(`first:${await committed(id)}`));
      // A helper handed the transaction registers on it, wherever it sits in the call tree.
      await (async (nested: SqlClient) => afterCommit(nested, () => seen.push(`second:${inTransaction()}`)))(tx);
      await afterCommitBatched(tx, (items: number[]) => seen.push(`batch:${items.join(",")}`), [1, 2]);
      expect(seen).toEqual([]);
      expect(inTransaction()).toBe(true);
      return "done";
    });
    expect(result).toBe("done");
    expect(seen).toEqual(["first:true", "second:false", "batch:1,2"]);
  });

  it("batches the items of every call with the same flush into one call, at the first call's place", async () => {
    const seen: string[] = [];
    const flush = (items: string[]) => seen.push(items.join(","));
    await transaction(async (tx) => {
      await afterCommitBatched(tx, flush, ["a"]);
      await afterCommit(tx, () => seen.push("between"));
      await afterCommitBatched(tx, flush, ["b", "c"]);
      await afterCommitBatched(tx, flush, []);
    });
    expect(seen).toEqual(["a,b,c", "between"]);
  });

  it("never runs them after a rollback", async () => {
    const id = ++next;
    const ran = vi.fn();
    await expect(
      transaction(async (tx) => {
        await tx.$executeRaw`INSERT INTO "AfterCommitProbe" (id, "orgId") VALUES (${id}, ${org.id})`;
        await afterCommit(tx, ran);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await committed(id)).toBe(false);
    // A failed COMMIT (here a deferred constraint) is a rollback too.
    await expect(
      transaction(async (tx) => {
        await tx.$executeRaw`INSERT INTO "AfterCommitProbe" (id, "orgId") VALUES (${id}, ${org.id}), (${id}, ${org.id})`;
        await afterCommit(tx, ran);
      }),
    ).rejects.toThrow();
    expect(await committed(id)).toBe(false);
    expect(ran).not.toHaveBeenCalled();
  });

  it("logs a failing callback without failing the committed transaction, and runs the rest", async () => {
    const id = ++next;
    const logs = captureLogs();
    const after = vi.fn();
    await transaction(async (tx) => {
      await tx.$executeRaw`INSERT INTO "AfterCommitProbe" (id, "orgId") VALUES (${id}, ${org.id})`;
      await afterCommit(tx, () => Promise.reject(new Error("job server down")));
      await afterCommit(tx, after);
    });
    expect(await committed(id)).toBe(true);
    expect(after).toHaveBeenCalledOnce();
    expect(logs.find((line) => line.component === "db")).toMatchObject({ level: "error", msg: expect.stringContaining("job server down") });
  });

  it("refuses an emit inside the transaction", async () => {
    await expect(transaction(() => emitEvents([]))).rejects.toThrow(InsideTransactionError);
  });

  it("refuses a registration on a transaction that has ended", async () => {
    let kept: SqlClient | undefined;
    await transaction(async (tx) => void (kept = tx));
    await expect(afterCommit(kept!, () => {})).rejects.toThrow("already ended");
  });
});

describe.each(helpers.slice(0, 2))("%s", (_, transaction) => {
  it("fails, and runs no callback, when an error it swallowed aborted the transaction", async () => {
    // PostgreSQL answers COMMIT of an aborted transaction by rolling it back, without an error.
    const id = ++next;
    const ran = vi.fn();
    await expect(
      transaction(async (tx) => {
        await tx.$executeRaw`INSERT INTO "AfterCommitProbe" (id, "orgId") VALUES (${id}, ${org.id})`;
        await tx.$executeRaw`SELECT ${org.id}::text, 1 / 0`.then(undefined, () => undefined);
        await afterCommit(tx, ran);
      }),
    ).rejects.toThrow("rolled back");
    expect(await committed(id)).toBe(false);
    expect(ran).not.toHaveBeenCalled();
  });
});

describe("afterCommit outside a transaction", () => {
  it("runs at once on a client whose statements commit as they run", async () => {
    const ran = vi.fn();
    await afterCommit(db, ran);
    await afterCommit(systemSql(db), ran);
    await afterCommit(orgSql(ctx), ran);
    expect(ran).toHaveBeenCalledTimes(3);
    expect(inTransaction()).toBe(false);
  });

  it("surfaces the callbacks of a transaction committed inside another one that emit", async () => {
    await expect(
      db.$transaction(() => systemSqlTransaction(db, async (tx) => afterCommit(tx, () => emitEvents([])))),
    ).rejects.toThrow(InsideTransactionError);
  });
});
