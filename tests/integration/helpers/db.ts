// A schema of its own for each test file: created and migrated when the file loads, dropped after
// it. Migrations are the real prisma/migrations SQL, so the tests run against the schema the app
// deploys (trigger, trigram index and all).
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/client";

const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../../prisma/migrations");

export interface TestDatabase {
  /** A Prisma client whose every query goes to this file's schema. */
  db: Db;
  schema: string;
  /** Plain SQL in this file's schema, for checks the Prisma client cannot express. */
  sql<R extends pg.QueryResultRow = Record<string, unknown>>(text: string, values?: unknown[]): Promise<R[]>;
}

let server: string | undefined;

/** The server this file's databases are made on: the tier's (TEST_DATABASE_URL...) unless setDatabaseServer() said otherwise. */
export function databaseUrl(): string {
  return server ?? inject("databaseUrl");
}

/**
 * Makes this file's databases (and the app's client, through DATABASE_URL) on another server: call
 * first thing in the file. `setDatabaseServer(inject("embeddedDatabaseUrl"))` runs it on the embedded one.
 */
export function setDatabaseServer(url: string): void {
  server = url;
  process.env.DATABASE_URL = url;
}

/** The URL with `schema=NAME` set, keeping any query string it already has. */
export function withSchema(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set("schema", schema);
  return parsed.toString();
}

function migrationScripts(): string[] {
  return readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8"));
}

async function migrate(admin: pg.Client, schema: string) {
  await admin.query(`CREATE SCHEMA "${schema}"`);
  for (const script of migrationScripts()) {
    // One simple-protocol query per file: it has a $$ function body, so it cannot be split on ";".
    // SET LOCAL keeps the search_path to this transaction: the admin connection serves every file.
    await admin.query(`BEGIN;\nSET LOCAL search_path TO "${schema}", public;\n${script}\n;COMMIT;`);
  }
}

export async function createTestDatabase(): Promise<TestDatabase & { drop(): Promise<void> }> {
  const url = databaseUrl();
  const schema = `t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await migrate(admin, schema);
  } catch (error) {
    await admin.query("ROLLBACK").catch(() => {});
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => {});
    await admin.end();
    throw error;
  }
  const db = createPrismaClient(withSchema(url, schema), { max: 4 });
  return {
    db,
    schema,
    async sql(text, values) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query("BEGIN");
        await client.query(`SET LOCAL search_path TO "${schema}", public`);
        const result = await client.query(text, values);
        await client.query("COMMIT");
        return result.rows;
      } finally {
        await client.end();
      }
    },
    async drop() {
      await db.$disconnect();
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.end();
    },
  };
}

/** Call at the top of a test file: `const { db } = await setupTestDatabase();` */
export async function setupTestDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase();
  afterAll(() => database.drop());
  return database;
}
