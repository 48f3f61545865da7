// What the executor benchmarks share: a scratch schema with every migration applied (on
// BENCH_DATABASE_URL, else TEST_DATABASE_URL, DATABASE_URL, else the embedded PostgreSQL as `npm start`
// runs it, durable, in a temporary folder), and
// the embedded executor started on it in its own process, as `npm start` runs it.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { startTemporaryPostgres } from "../embedded-postgres.ts";
import { freePort, stopProcess, waitForHttp } from "../run.ts";

export interface Scratch {
  /** A client on the server, outside the schema (the benchmark polls with it). */
  admin: pg.Client;
  schema: string;
  /** The database URL with `schema=` set, for the app and the executor. */
  dbUrl: string;
  executorUrl: string;
  /** Stops the executor with `signal` (SIGKILL: as a crash) and starts a new one on the same port and database. */
  restartExecutor(signal: NodeJS.Signals): Promise<void>;
  /** Describes the database for the report. */
  database: string;
  cleanup(): Promise<void>;
  /** Cleans up and rethrows: for a failure before the run's own try (an import, the app's start). */
  abandon(error: unknown): Promise<never>;
}

export async function startScratch(prefix: string): Promise<Scratch> {
  const server = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  const embedded = server ? null : await startTemporaryPostgres(prefix);
  const baseUrl = server ?? embedded!.url;
  const schema = `${prefix}_${randomBytes(4).toString("hex")}`;

  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public").catch(() => {});
  await admin.query(`CREATE SCHEMA "${schema}"`);
  const dir = path.resolve("prisma/migrations");
  // BENCH_SKIP_MIGRATIONS (names, comma-separated): an A/B of what a migration costs, e.g. indexes.
  const skip = new Set((process.env.BENCH_SKIP_MIGRATIONS ?? "").split(",").filter(Boolean));
  for (const name of readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory() && !skip.has(e.name)).map((e) => e.name).sort()) {
    const script = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
    await admin.query(`BEGIN;\nSET LOCAL search_path TO "${schema}", public;\n${script}\n;COMMIT;`);
  }
  const url = new URL(baseUrl);
  url.searchParams.set("schema", schema);

  const executorPort = await freePort();
  const executorUrl = `http://127.0.0.1:${executorPort}`;
  const startExecutor = async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "executor/main.ts"], {
      env: { ...process.env, DATABASE_URL: url.toString(), EXECUTOR_PORT: String(executorPort), EXECUTOR_LOG: "error" },
      stdio: ["ignore", "inherit", "inherit"],
    });
    await waitForHttp(`${executorUrl}/health`, 30_000);
    return child;
  };
  let executor = await startExecutor();
  async function cleanup() {
    await stopProcess(executor, "SIGTERM");
    await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
    await admin.end();
    await embedded?.stop();
  }

  return {
    admin,
    schema,
    dbUrl: url.toString(),
    executorUrl,
    async restartExecutor(signal) {
      await stopProcess(executor, signal);
      executor = await startExecutor();
    },
    database: server ? `PostgreSQL at ${new URL(baseUrl).host}` : "embedded PostgreSQL 18 (as npm start runs it)",
    cleanup,
    async abandon(error) {
      await cleanup();
      throw error;
    },
  };
}
