// Once per integration run: find the database (TEST_DATABASE_URL, else DATABASE_URL, else the
// embedded PostgreSQL, started here in a temporary folder), make sure pg_trgm is installed in
// `public` so each file's migration finds it there, and hand the URL to the workers. The embedded
// server is started in any case, for the files that must also pass on what `npm start` runs (the
// soak test): `embeddedDatabaseUrl`.
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startTemporaryPostgres } from "../../scripts/embedded-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    embeddedDatabaseUrl: string;
  }
}

async function ensureTrigram(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public");
  } catch (error) {
    // Two runs starting at once can race on the extension's catalog row; the other one won.
    const { rows } = await client.query("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'");
    if (rows.length === 0) throw error;
  } finally {
    await client.end();
  }
}

export default async function setup(project: TestProject) {
  const started = Date.now();
  const embedded = await startTemporaryPostgres("textstack-integration", { durable: false });
  console.log(`[integration] embedded PostgreSQL at ${new URL(embedded.url).host}, started in ${Date.now() - started} ms`);
  const url = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || embedded.url;
  await ensureTrigram(url);
  await ensureTrigram(embedded.url);
  project.provide("databaseUrl", url);
  project.provide("embeddedDatabaseUrl", embedded.url);
  return () => embedded.stop();
}
