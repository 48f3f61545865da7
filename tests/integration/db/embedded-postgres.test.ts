// The embedded database as `npm start` runs it (scripts/embedded-postgres.ts): a real PostgreSQL
// server on its own data folder, that keeps its data across restarts and is taken over, not started
// twice, when a run that was killed left it running.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "@/scripts/embedded-postgres";

const folder = mkdtempSync(path.join(tmpdir(), "textstack-embedded-test-"));
chmodSync(folder, 0o755);
const dataDir = path.join(folder, "postgres");
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function query(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

describe("the embedded PostgreSQL", { timeout: 60_000 }, () => {
  it("keeps its data across a stop and a start, takes over a server left running, and serves many connections", async () => {
    const first = await startEmbeddedPostgres({ dataDir, durable: false });
    await query(first.url, "CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)");
    expect((await query(first.url, "SHOW server_version"))[0].server_version).toMatch(/^18\./);
    await first.stop();

    const second = await startEmbeddedPostgres({ dataDir, durable: false });
    expect(await query(second.url, "SELECT n FROM kept")).toEqual([{ n: 42 }]);
    // A run killed with -9 never called stop(): the next start finds the server on its folder.
    const third = await startEmbeddedPostgres({ dataDir, durable: false });
    expect(new URL(third.url).port).toBe(new URL(second.url).port);
    // The default setup must hold the app's, the executor's and the CLI's pools at once.
    const clients = await Promise.all(Array.from({ length: 60 }, async () => {
      const client = new pg.Client({ connectionString: third.url });
      await client.connect();
      return client;
    }));
    const counted = await clients[0]!.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'client backend'");
    expect(counted.rows[0].n).toBeGreaterThanOrEqual(60);
    await Promise.all(clients.map((c) => c.end()));
    await third.stop();
    await expect(query(third.url, "SELECT 1")).rejects.toThrow();
  });
});
