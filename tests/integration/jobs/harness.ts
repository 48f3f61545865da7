// The conformance suite's harness: per test file, a schema of its own (all migrations applied), an
// embedded executor on it, the real Inngest SDK serving the file's functions from a plain node
// HTTP server on loopback, synced the way the app syncs (PUT to the serve endpoint).
import { spawn } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Inngest, type ClientOptions, type InngestFunction } from "inngest";
import { serve } from "inngest/node";
import { afterAll } from "vitest";
import { defaultOptions, type ExecutorOptions } from "@/executor/config";
import { startExecutor, type RunningExecutor } from "@/executor/start";
import { freePort } from "../../../scripts/run";
import { databaseUrl, setupTestDatabase, withSchema, type TestDatabase } from "../helpers/db";

const silent = { info() {}, warn() {}, error() {}, debug() {} };

/** Executor settings for tests: quick polls, short leases, millisecond backoff. */
export const TEST_OPTIONS: Partial<ExecutorOptions> = { port: 0, log: "error", pollMs: 20, leaseMs: 3_000, retryBaseMs: 20, retryMaxMs: 200 };

export interface JobsHarness {
  database: TestDatabase;
  /** The executor's database URL (this file's schema). */
  executorDbUrl: string;
  executor: RunningExecutor;
  client: Inngest;
  appId: string;
  /** Serves `functions` with the SDK and syncs them with the executor; returns the serve URL. */
  serve(functions: InngestFunction.Any[]): Promise<string>;
  /** A second executor on the same database. */
  startExecutor(overrides?: Partial<ExecutorOptions>): Promise<RunningExecutor>;
  runs(fnId: string): Promise<RunRow[]>;
  waitForRuns(fnId: string, count: number, options?: { status?: string[]; timeoutMs?: number }): Promise<RunRow[]>;
}

export interface RunRow {
  id: string;
  status: string;
  output: unknown;
  error: { name: string; message: string } | null;
  events: { name: string; data: Record<string, unknown>; id: string }[];
  createdAt: Date;
  startedAt: Date | null;
  endedAt: Date | null;
  replayOfId: string | null;
}

export async function waitUntil<T>(check: () => Promise<T | undefined | null | false>, timeoutMs = 15_000, what = "condition"): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export async function setupJobsHarness(
  appId: string,
  overrides: Partial<ExecutorOptions> = {},
  clientOptions: Partial<ClientOptions> = {},
): Promise<JobsHarness> {
  const database = await setupTestDatabase();
  const executorDbUrl = withSchema(databaseUrl(), database.schema);
  const executors: RunningExecutor[] = [];
  const servers: http.Server[] = [];
  const start = async (more: Partial<ExecutorOptions> = {}) => {
    const started = await startExecutor(defaultOptions(executorDbUrl, { ...TEST_OPTIONS, ...overrides, ...more }));
    executors.push(started);
    return started;
  };
  const executor = await start();
  const client = new Inngest({ id: appId, isDev: true, baseUrl: executor.url, logger: silent, ...clientOptions });
  const fnId = (id: string) => (id.startsWith(`${appId}-`) ? id : `${appId}-${id}`);
  const runs = (id: string) =>
    database.sql<RunRow & Record<string, unknown>>(
      `SELECT id, status, output, error, events, "createdAt", "startedAt", "endedAt", "replayOfId" FROM "JobRun" WHERE "functionId" = $1 ORDER BY "createdAt", id`,
      [fnId(id)],
    );

  afterAll(async () => {
    for (const e of executors) await e.stop(500).catch(() => {});
    for (const s of servers) s.closeAllConnections();
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  });

  return {
    database,
    executorDbUrl,
    executor,
    client,
    appId,
    startExecutor: start,
    runs,
    async serve(functions) {
      const server = http.createServer(serve({ client, functions }));
      servers.push(server);
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/inngest`;
      const response = await fetch(url, { method: "PUT" });
      if (!response.ok) throw new Error(`sync failed: ${response.status} ${await response.text()}`);
      return url;
    },
    async waitForRuns(id, count, options = {}) {
      const wanted = options.status ?? ["COMPLETED", "FAILED", "CANCELLED"];
      return waitUntil(
        async () => {
          const rows = await runs(id);
          return rows.length >= count && rows.every((row) => wanted.includes(row.status)) ? rows : undefined;
        },
        options.timeoutMs,
        `${count} run(s) of ${id} in ${wanted.join("/")}`,
      );
    },
  };
}

/**
 * The harness with the app itself pointed at it: the app's Inngest client at this file's executor
 * and the app's db (lib/db.ts) at this file's schema, for files that serve lib/jobs/functions.ts and
 * drive the app's own code. Import the app's modules only after this resolves: they read the
 * environment when they are made. Undone (and carrier adapters closed) after the file.
 */
export async function setupAppHarness(): Promise<JobsHarness> {
  const h = await setupJobsHarness("textstack");
  const saved = { dev: process.env.INNGEST_DEV, url: process.env.DATABASE_URL };
  process.env.INNGEST_DEV = h.executor.url;
  process.env.DATABASE_URL = h.executorDbUrl;
  delete (globalThis as { textstackDb?: unknown }).textstackDb;
  afterAll(async () => {
    await (await import("@/lib/delivery/carrier-registry")).closeAdapters();
    process.env.INNGEST_DEV = saved.dev;
    process.env.DATABASE_URL = saved.url;
  });
  return h;
}

/**
 * The executor as its own process on `executorDbUrl`, as `npm start` runs it (on `port`, else a free
 * one), with short leases: a test may kill -9 it.
 */
export async function spawnExecutor(executorDbUrl: string, port?: number) {
  const listen = port ?? (await freePort());
  // node itself (with tsx as a loader), not the tsx wrapper: SIGKILL must reach the executor.
  const child = spawn(process.execPath, ["--import", "tsx", "executor/main.ts"], {
    env: { ...process.env, DATABASE_URL: executorDbUrl, EXECUTOR_PORT: String(listen), EXECUTOR_LEASE_MS: "1500", EXECUTOR_POLL_MS: "20", EXECUTOR_LOG: "error" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${listen}`;
  await waitUntil(() => fetch(`${url}/health`).then((r) => r.ok, () => false), 20_000, "the executor process to listen");
  return { child, url };
}

/** A promise with its resolve function, for holding a step until the test lets it go. */
export function latch() {
  let release!: () => void;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
}
