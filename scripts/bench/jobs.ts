// `npm run bench:jobs`: the embedded executor's latency and throughput on this machine.
// The executor runs as its own process (as under `npm start`); this process is the app: the real
// Inngest SDK serving two functions over loopback HTTP, and the sender of the events. Measured:
//   - event to first step: from inngest.send() to the first step's code running, one event at a time;
//   - trivial steps per second: BENCH_JOB_RUNS runs of 10 steps each, all sent at once, until all finish.
// Database: BENCH_DATABASE_URL (else TEST_DATABASE_URL, DATABASE_URL), in a scratch schema dropped
// afterwards; with none set, the embedded PostgreSQL (scripts/embedded-postgres.ts).
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import { Inngest } from "inngest";
import { serve } from "inngest/node";
import { startScratch } from "./scratch.ts";

const RUNS = Number(process.env.BENCH_JOB_RUNS ?? 1_000);
const STEPS = 10;
const LATENCY_SAMPLES = Number(process.env.BENCH_LATENCY_SAMPLES ?? 300);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const round = (n: number) => Math.round(n * 10) / 10;

const scratch = await startScratch("bench_jobs");
const { schema, executorUrl } = scratch;

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
  app.close();
  await scratch.cleanup();
}

try {
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
  const poll = scratch.admin;
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

  const result = {
    machine: `${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    database: scratch.database,
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
