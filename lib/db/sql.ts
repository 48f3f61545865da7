// Raw SQL straight on the pg pool under Prisma, for the statements the message pipeline and the
// public API run thousands of times a second. Through Prisma's client a raw query costs about five
// times the pg driver's own CPU (~1.4 ms against ~0.3 ms for a trivial one, measured; its query
// compiler passes every parameter through Wasm), which was most of the CPU on those paths. Same
// pool and connections, and the same tagged-template shape as Prisma's $queryRaw / $executeRaw, so
// SQL-level helpers (applyStatusChanges, enqueueWebhookEvents...) take either client. Everything
// else keeps using Prisma. Statements here are not tenant-scoped by lib/db/scoped.ts: each one
// names its org in its own WHERE, as every raw statement in this codebase already does.
import pg from "pg";
import { trackTransaction } from "@/lib/db/after-commit";
import { Prisma } from "@/lib/generated/prisma/client";

export interface SqlClient {
  $queryRaw<T = unknown>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): PromiseLike<T>;
  $executeRaw(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): PromiseLike<number>;
}

// Kept on globalThis: under `next dev` each route is its own bundle with its own copy of this module,
// while lib/db.ts keeps one client on globalThis for them all (else a route whose copy did not
// register it failed with "no registered pool").
const registry = globalThis as unknown as { textstackPools?: WeakMap<object, pg.Pool> };
const pools = (registry.textstackPools ??= new WeakMap<object, pg.Pool>());

/** Makes `client`'s pool reachable from it (createPrismaClient and scopedDb call this). */
export function registerPool(client: object, pool: pg.Pool): void {
  pools.set(client, pool);
}

export function poolOf(client: object): pg.Pool {
  const pool = pools.get(client);
  if (!pool) throw new Error("This database client has no registered pool (make it with createPrismaClient or scopedDb)");
  return pool;
}

// Results as Prisma's $queryRaw gives them: `timestamp` columns (UTC by convention here) as Dates in
// UTC rather than pg's local time, bigint as BigInt.
const parseUtcTimestamp = (text: string) => new Date(`${text.replace(" ", "T")}Z`);
const parseTextArray = (pg.types.getTypeParser as (oid: number) => (text: string) => (string | null)[])(1009);
const PARSERS: Record<number, (text: string) => unknown> = {
  1114: parseUtcTimestamp,
  1115: (text) => parseTextArray(text).map((t) => (t === null ? null : parseUtcTimestamp(t))),
  20: (text) => BigInt(text),
};
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    (format ?? "text") === "text" && PARSERS[oid] ? PARSERS[oid] : pg.types.getTypeParser(oid, format as "text")) as pg.CustomTypesConfig["getTypeParser"],
};

// Dates as ISO text: PostgreSQL reads them into `timestamp` columns as the UTC wall time they are
// (pg would send local time with an offset, which a `timestamp` drops).
const toParam = (value: unknown) => (value instanceof Date ? value.toISOString() : value);

function client(queryable: pg.Pool | pg.PoolClient): SqlClient {
  const run = (query: TemplateStringsArray | Prisma.Sql, values: unknown[]) => {
    const statement = query instanceof Prisma.Sql ? query : Prisma.sql(query, ...(values as Prisma.Sql[]));
    return queryable.query({ text: statement.text, values: statement.values.map(toParam), types });
  };
  return {
    $queryRaw: <T>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => run(query, values).then((r) => r.rows as T),
    $executeRaw: (query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => run(query, values).then((r) => r.rowCount ?? 0),
  };
}

/** Single statements on `db`'s pool, each on whichever connection is free. */
export function sql(db: object): SqlClient {
  return client(poolOf(db));
}

/**
 * A transaction on one connection of `db`'s pool: committed when `work` resolves, rolled back when it
 * throws. Work registered with afterCommit(tx, ...) (lib/db/after-commit.ts) runs once it has
 * committed and the connection is back in the pool, before this resolves.
 */
export async function sqlTransaction<T>(db: object, work: (tx: SqlClient) => Promise<T>): Promise<T> {
  const connection = await poolOf(db).connect();
  const tx = client(connection);
  const transaction = trackTransaction(tx);
  let broken: Error | undefined;
  let result: T;
  try {
    await connection.query("BEGIN");
    result = await transaction.run(() => work(tx));
    // COMMIT of a transaction that an error (caught by `work`) aborted rolls it back without failing.
    const { command } = await connection.query("COMMIT");
    if (command === "ROLLBACK") throw new Error("The transaction was rolled back: a statement in it failed");
  } catch (error) {
    transaction.rolledBack();
    await connection.query("ROLLBACK").catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    // A connection that could not even roll back is not handed to the next caller.
    connection.release(broken);
  }
  await transaction.committed();
  return result;
}
