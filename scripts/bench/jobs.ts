// `npm run bench:jobs`: the embedded executor's latency and throughput on this machine.
// The executor runs as its own process (as under `npm start`); this process is the app: the real
// Inngest SDK serving two functions over loopback HTTP, and the sender of the events. Measured:
//   - event to first step: from inngest.send() to the first step's code running, one event at a time;
//   - trivial steps per second: BENCH_JOB_RUNS runs of 10 steps each, all sent at once, until all finish.
// Database: BENCH_DATABASE_URL (else TEST_DATABASE_URL, DATABASE_URL), in a scratch schema dropped
// afterwards; with none set, an embedded PGlite in memory.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { Inngest } from "inngest";
import { serve } from "inngest/node";
import pg from "pg";
import { startEmbeddedPostgres } from "../embedded-postgres.ts";
import { freePort, waitForHttp } from "../run.ts";

const RUNS = Number(process.env.BENCH_JOB_RUNS ?? 1_000);
const STEPS = 10;
const LATENCY_SAMPLES = Number(process.env.BENCH_LATENCY_SAMPLES ?? 300);

const server = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
const embedded = server ? null : await startEmbeddedPostgres({ dataDir: "memory://" });
const baseUrl = server ?? embedded!.url;
const schema = `bench_jobs_${randomBytes(4).toString("hex")}`;

async function createSchema() {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public").catch(() => {});
  await admin.query(`CREATE SCHEMA "${schema}"`);
  const dir = path.resolve("prisma/migrations");
  for (const name of readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    const script = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
    await admin.query(`BEGIN;\nSET LOCAL search_path TO "${schema}", public;\n${script}\n;COMMIT;`);
  }
  return admin;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const round = (n: number) => Math.round(n * 10) / 10;

const admin = await createSchema();
const dbUrl = new URL(baseUrl);
dbUrl.searchParams.set("schema", schema);
const executorPort = await freePort();
const executorUrl = `http://127.0.0.1:${executorPort}`;
const executor = spawn(process.execPath, ["--import", "tsx", "executor/main.ts"], {
  env: { ...process.env, DATABASE_URL: dbUrl.toString(), EXECUTOR_PORT: String(executorPort), EXECUTOR_LOG: "error" },
  stdio: ["ignore", "inherit", "inherit"],
});

const client = new Inngest({ id: "bench", isDev: true, baseUrl: executorUrl, logger: { info() {}, warn() {}, error() {}, debug() {} } });
const firstStepAt = new Map<string, number>();
const latency = client.createFunction({ id: "latency", triggers: [{ event: "bench/latency" }] }, async ({ event, step }) => {
  await step.run("first", () => void firstStepAt.set(String(event.data.key), performance.now()));
});
const throughput = client.createFunction({ id: "throughput", triggers: [{ event: "bench/throughput" }] }, async ({ step }) => {
  let sum = 0;
  for (let i = 0; i < STEPS; i++) sum += await step.run(`step-${i}`, () => i);
  return sum;
});
const app = http.createServer(serve({ client, functions: [latency, throughput] }));
await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
const serveUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}/api/inngest`;

async function cleanup() {
  executor.kill("SIGTERM");
  await new Promise((resolve) => executor.once("exit", resolve));
  app.close();
  await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
  await admin.end();
  await embedded?.stop();
}

try {
  await waitForHttp(`${executorUrl}/health`, 30_000);
  const sync = await fetch(serveUrl, { method: "PUT" });
  if (!sync.ok) throw new Error(`sync failed: ${await sync.text()}`);

  const waitFor = async (check: () => boolean, what: string, timeoutMs = 300_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  };

  // Event to first step, one event at a time (after 20 warm-up events).
  const latencies: number[] = [];
  for (let i = 0; i < LATENCY_SAMPLES + 20; i++) {
    const key = `l${i}`;
    const sentAt = performance.now();
    await client.send({ name: "bench/latency", data: { key } });
    await waitFor(() => firstStepAt.has(key), "the first step");
    if (i >= 20) latencies.push(firstStepAt.get(key)! - sentAt);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  latencies.sort((a, b) => a - b);

  // Trivial steps per second (after 50 warm-up runs).
  const poll = new pg.Client({ connectionString: baseUrl });
  await poll.connect();
  const completed = async () =>
    Number((await poll.query(`SELECT count(*) AS n FROM "${schema}"."JobRun" WHERE "functionId" = 'bench-throughput' AND status = 'COMPLETED'`)).rows[0].n);
  await client.send(Array.from({ length: 50 }, (_, i) => ({ name: "bench/throughput", data: { warmUp: i } })));
  while ((await completed()) < 50) await new Promise((resolve) => setTimeout(resolve, 20));
  const started = performance.now();
  for (let sent = 0; sent < RUNS; sent += 100) {
    await client.send(Array.from({ length: Math.min(100, RUNS - sent) }, (_, i) => ({ name: "bench/throughput", data: { i: sent + i } })));
  }
  while ((await completed()) < RUNS + 50) await new Promise((resolve) => setTimeout(resolve, 20));
  const seconds = (performance.now() - started) / 1000;
  await poll.end();

  const result = {
    machine: `${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    database: server ? `PostgreSQL at ${new URL(baseUrl).host}` : "embedded PGlite (in memory)",
    latency: { samples: latencies.length, p50: round(percentile(latencies, 50)), p95: round(percentile(latencies, 95)), p99: round(percentile(latencies, 99)), max: round(latencies.at(-1)!) },
    throughput: { runs: RUNS, stepsPerRun: STEPS, seconds: round(seconds), stepsPerSecond: Math.round((RUNS * STEPS) / seconds), runsPerSecond: Math.round(RUNS / seconds) },
  };
  console.log(JSON.stringify(result, null, 2));
  console.log(`\n| measure | value |\n|---|---|`);
  console.log(`| event to first step, p50 | ${result.latency.p50} ms |`);
  console.log(`| event to first step, p95 | ${result.latency.p95} ms |`);
  console.log(`| event to first step, p99 / max | ${result.latency.p99} / ${result.latency.max} ms |`);
  console.log(`| trivial steps per second (${RUNS} runs x ${STEPS} steps, ${result.throughput.seconds} s) | ${result.throughput.stepsPerSecond} |`);
  console.log(`| runs completed per second | ${result.throughput.runsPerSecond} |`);
} finally {
  await cleanup();
}
