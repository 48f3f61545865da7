// A statement or a transaction that waits too long is cut off with an error naming it, and the pool
// goes on working: the app's guard against the freezes a transaction held open across a wait causes.
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { systemSql, systemSqlTransaction } from "@/lib/db/sql";
import { databaseUrl, setupTestDatabase, withSchema } from "../helpers/db";

const { schema } = await setupTestDatabase();
const db = createPrismaClient(withSchema(databaseUrl(), schema), { max: 2, limits: { statementTimeoutMs: 300, idleInTransactionMs: 400 } });
afterAll(() => db.$disconnect());

describe("session limits", () => {
  it("cuts off a long statement with an error that names it", async () => {
    await expect(systemSql(db).$queryRaw`SELECT pg_sleep(2) AS slept_too_long`).rejects.toThrow(
      /Statement cut off after 300 ms \(statement_timeout\): SELECT pg_sleep\(2\) AS slept_too_long/,
    );
    // Through Prisma's own client too (same pool).
    await expect(db.$queryRawUnsafe("SELECT pg_sleep(2) AS through_prisma")).rejects.toThrow(/statement_timeout\): SELECT pg_sleep\(2\) AS through_prisma/);
  });

  it("ends a transaction left idle, rolls it back, names it, and the pool recovers", async () => {
    const table = `"${schema}"."LimitProbe"`;
    await systemSql(db).$executeRaw`SELECT 1`;
    await db.$executeRawUnsafe(`CREATE TABLE ${table} (id int)`);
    const attempt = systemSqlTransaction(db, async (tx) => {
      await tx.$executeRaw`INSERT INTO "LimitProbe" VALUES (1)`;
      // What the limit exists for: the transaction waits on something that is not the database.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await tx.$executeRaw`INSERT INTO "LimitProbe" VALUES (2)`;
    });
    await expect(attempt).rejects.toThrow(/idle_in_transaction_session_timeout.*INSERT INTO "LimitProbe" VALUES \(2\)/s);
    // Nothing half-written, and both connections of the pool still answer.
    const rows = await Promise.all([db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM ${table}`), systemSql(db).$queryRaw<{ one: number }[]>`SELECT 1 AS one`]);
    expect(Number(rows[0][0]!.n)).toBe(0);
    expect(rows[1][0]!.one).toBe(1);
  });
});
