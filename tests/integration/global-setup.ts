// Once per integration run: find the database (TEST_DATABASE_URL, else DATABASE_URL, else an
// embedded PGlite started here), make sure pg_trgm is installed in `public` so each file's
// migration finds it there, and hand the URL to the workers.
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../scripts/embedded-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
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
  let url = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  let teardown = async () => {};
  if (!url) {
    const started = Date.now();
    // In memory: nothing to clean up, and it starts faster than a data folder on disk.
    const embedded = await startEmbeddedPostgres({ dataDir: "memory://" });
    console.log(`[integration] embedded PostgreSQL (PGlite) at ${embedded.url}, started in ${Date.now() - started} ms`);
    url = embedded.url;
    teardown = () => embedded.stop();
  }
  await ensureTrigram(url);
  project.provide("databaseUrl", url);
  return teardown;
}
