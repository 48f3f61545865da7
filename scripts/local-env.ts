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

export interface LocalEnv {
  env: NodeJS.ProcessEnv;
  embedded: EmbeddedPostgres | null;
}

export async function prepareLocalEnv(): Promise<LocalEnv> {
  const env = { ...process.env };
  env.AUTH_SECRET ||= authSecret();
  let embedded: EmbeddedPostgres | null = null;
  if (!env.DATABASE_URL) {
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, "pglite"),
      port: env.EMBEDDED_DB_PORT ? Number(env.EMBEDDED_DB_PORT) : 0,
    });
    env.DATABASE_URL = embedded.url;
    console.log(`Embedded PostgreSQL (PGlite) on ${embedded.url}, data in ${path.join(dataDir, "pglite")}`);
  }
  return { env, embedded };
}
