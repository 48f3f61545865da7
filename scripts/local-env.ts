// What the start, dev and database scripts share: the data folder, a generated AUTH_SECRET when
// none is configured, and the embedded database when DATABASE_URL is unset.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres.ts";

export const dataDir = path.resolve(process.env.DATA_DIR ?? ".data");

function authSecret(): string {
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

// Before the embedded database was a real PostgreSQL server it was PGlite, with its data in
// .data/pglite. PGlite's files cannot be read by PostgreSQL 18 and PGlite is no longer installed, so
// the old data is left alone, once said.
function warnAboutPglite() {
  const old = path.join(dataDir, "pglite");
  if (!existsSync(old)) return;
  console.warn(
    `Note: ${old} holds data of an earlier Textstack (PGlite, before the embedded database became a real PostgreSQL).\n` +
      `It is not migrated: the app starts on a new database in ${path.join(dataDir, "postgres")}. To keep the old data, dump it with\n` +
      `npx -p @electric-sql/pglite-socket@0.2.17 pglite-server --db=${old} --port=5499 -e pg_trgm, then pg_dump -h 127.0.0.1 -p 5499 -U postgres postgres;\n` +
      `restore the dump with psql into the new database (user postgres, password in ${path.join(dataDir, "postgres.password")}); else delete ${old}.`,
  );
}

export interface LocalEnv {
  env: NodeJS.ProcessEnv;
  embedded: EmbeddedPostgres | null;
}

export async function prepareLocalEnv(): Promise<LocalEnv> {
  const env = { ...process.env };
  env.AUTH_SECRET ||= authSecret();
  let embedded: EmbeddedPostgres | null = null;
  if (!env.DATABASE_URL) {
    warnAboutPglite();
    const folder = path.join(dataDir, "postgres");
    embedded = await startEmbeddedPostgres({ dataDir: folder, port: env.EMBEDDED_DB_PORT ? Number(env.EMBEDDED_DB_PORT) : 0 });
    env.DATABASE_URL = embedded.url;
    console.log(`Embedded PostgreSQL on ${new URL(embedded.url).host}, data in ${folder}`);
  }
  return { env, embedded };
}
