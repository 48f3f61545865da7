// Raw SQL straight on the pg pool under Prisma, for the statements the message pipeline and the
// public API run thousands of times a second. Through Prisma's client a raw query costs about five
// times the pg driver's own CPU (~1.4 ms against ~0.3 ms for a trivial one, measured; its query
// compiler passes every parameter through Wasm), which was most of the CPU on those paths. Same
// pool and connections, and the same tagged-template shape as Prisma's $queryRaw / $executeRaw, so
// SQL-level helpers (applyStatusChanges, enqueueWebhookEvents...) take either client. Everything
// else keeps using Prisma.
//
// Statements here are not tenant-scoped by lib/db/scoped.ts, so there are two ways in, and which
// one a file uses says which kind of code it is (raw SQL through Prisma on scopedDb's client gets
// the first one's check, checkBindsOrg below):
// - orgSql(ctx) / orgSqlTransaction(ctx, ...): code acting for one org (a request, a send). Bound
//   to ctx.orgId: a statement that does not bind that org id as one of its parameters (or as an
//   array of nothing but it) is refused before it reaches the database. Checked, not proven: the
//   check makes forgetting the org fail at once, and review sees that the statement puts it in
//   the WHERE of each org-owned table it reads. It costs a scan of the statement's parameters
//   (nothing measurable, even for a 1,000-row insert). Not row-level security: a single statement
//   on the pool would need a transaction and a SET LOCAL round trip of its own, and a superuser or
//   the tables' owner (as the tests and a default install connect) bypasses policies anyway.
// - systemSql(db) / systemSqlTransaction(db, ...): code that works across orgs by design: the
//   dispatcher, carrier receipts, sweepers and due-work lookups, the API key lookup that finds
//   which org a request acts for, rate-limit buckets. Only the files listed in eslint.config.mjs
//   (SYSTEM_SQL_FILES) may import them.
import pg from "pg";
import { trackTransaction } from "@/lib/db/after-commit";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

/** What SQL-level helpers shared by both kinds of code take: either client below, or a Prisma client. */
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

type Statement = TemplateStringsArray | Prisma.Sql;
type Run = (statement: Prisma.Sql) => Promise<pg.QueryResult>;

const statementOf = (query: Statement, values: unknown[]) =>
  query instanceof Prisma.Sql ? query : Prisma.sql(query, ...(values as Prisma.Sql[]));

function runOn(queryable: pg.Pool | pg.PoolClient): Run {
  return (statement) => queryable.query({ text: statement.text, values: statement.values.map(toParam), types });
}

function statements(run: Run): SqlClient {
  return {
    $queryRaw: <T>(query: Statement, ...values: unknown[]) => run(statementOf(query, values)).then((r) => r.rows as T),
    $executeRaw: (query: Statement, ...values: unknown[]) => run(statementOf(query, values)).then((r) => r.rowCount ?? 0),
  };
}

/** Thrown (as a rejection) for an org-bound statement (orgSql, or raw SQL on scopedDb's client) that does not bind its org. */
export class UnboundOrgError extends Error {
  constructor(orgId: string, text: string) {
    super(`A raw SQL statement for org ${orgId} does not bind that org id as a parameter (\`"orgId" = \${ctx.orgId}\`): ${text.trim().slice(0, 200)}`);
    this.name = "UnboundOrgError";
  }
}

/** Whether one of `values` is `orgId`, or a non-empty array of nothing but `orgId` (a set-based insert's org column). */
function bindsOrg(values: readonly unknown[], orgId: string): boolean {
  for (const value of values) {
    if (value === orgId) return true;
    if (Array.isArray(value) && value.length > 0 && value.every((v) => v === orgId)) return true;
  }
  return false;
}

/**
 * The org-binding check, the one both org-bound ways in use (orgSql here, raw SQL on scopedDb's
 * client in lib/db/scoped.ts): throws UnboundOrgError unless `statement` binds `orgId`.
 */
export function checkBindsOrg(statement: Prisma.Sql, orgId: string): void {
  if (!bindsOrg(statement.values, orgId)) throw new UnboundOrgError(orgId, statement.text);
}

function orgBound(run: Run, orgId: string): Run {
  return async (statement) => {
    checkBindsOrg(statement, orgId);
    return run(statement);
  };
}

/** An org-bound client (orgSql): every statement binds `orgId`. */
export interface OrgSqlClient extends SqlClient {
  readonly orgId: string;
}

/** A client whose statements may cross orgs (systemSql). */
export interface SystemSqlClient extends SqlClient {
  readonly crossesOrgs: true;
}

/** What orgSql needs of an OrgContext (lib/org-context.ts): its org and its (scoped) client. */
export interface OrgBinding {
  readonly db: object;
  readonly orgId: string;
}

// Without an org there is nothing to bind (and an undefined one would match undefined parameters).
function orgOf(ctx: OrgBinding): string {
  if (typeof ctx.orgId !== "string" || ctx.orgId === "") throw new Error("orgSql needs the org it acts for: ctx.orgId is missing");
  return ctx.orgId;
}

/** Single statements for `ctx`'s org, each on whichever connection is free; each must bind ctx.orgId. */
export function orgSql(ctx: OrgBinding): OrgSqlClient {
  const orgId = orgOf(ctx);
  return { ...statements(orgBound(runOn(poolOf(ctx.db)), orgId)), orgId };
}

/** A transaction (see `transaction`) of statements for `ctx`'s org; each must bind ctx.orgId. */
export async function orgSqlTransaction<T>(ctx: OrgBinding, work: (tx: OrgSqlClient) => Promise<T>): Promise<T> {
  const orgId = orgOf(ctx);
  return transaction(ctx.db, (run) => ({ ...statements(orgBound(run, orgId)), orgId }), work);
}

/** Single statements that may cross orgs (system paths only, see above), each on whichever connection is free. */
export function systemSql(db: Db): SystemSqlClient {
  return { ...statements(runOn(poolOf(db))), crossesOrgs: true };
}

/** A transaction (see `transaction`) whose statements may cross orgs (system paths only, see above). */
export function systemSqlTransaction<T>(db: Db, work: (tx: SystemSqlClient) => Promise<T>): Promise<T> {
  return transaction(db, (run) => ({ ...statements(run), crossesOrgs: true as const }), work);
}

/**
 * A transaction on one connection of `db`'s pool: committed when `work` resolves, rolled back when it
 * throws. Work registered with afterCommit(tx, ...) (lib/db/after-commit.ts) runs once it has
 * committed and the connection is back in the pool, before this resolves.
 */
async function transaction<C extends SqlClient, T>(db: object, clientFor: (run: Run) => C, work: (tx: C) => Promise<T>): Promise<T> {
  const connection = await poolOf(db).connect();
  const tx = clientFor(runOn(connection));
  const tracked = trackTransaction(tx);
  let broken: Error | undefined;
  let result: T;
  try {
    await connection.query("BEGIN");
    result = await tracked.run(() => work(tx));
    // COMMIT of a transaction that an error (caught by `work`) aborted rolls it back without failing.
    const { command } = await connection.query("COMMIT");
    if (command === "ROLLBACK") throw new Error("The transaction was rolled back: a statement in it failed");
  } catch (error) {
    tracked.rolledBack();
    await connection.query("ROLLBACK").catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    // A connection that could not even roll back is not handed to the next caller.
    connection.release(broken);
  }
  await tracked.committed();
  return result;
}
