// `npm run bench:api`: the public REST API as deployed: the production build (`next start`, built
// first if stale) with the embedded executor beside it, as `npm start` runs them, on a scratch
// schema of BENCH_DATABASE_URL (else TEST_DATABASE_URL, DATABASE_URL; else the embedded PostgreSQL).
// Measured over loopback:
// - the floor: GET /api/v1/messages with no key, refused 401 before any database work, i.e. what
//   Next.js itself serves on this machine (autocannon shares its cores);
// - POST /api/v1/messages: requests/s and latency p50/p99 from autocannon (BENCH_CONNECTIONS
//   connections for BENCH_SECONDS after a warm-up), a new `to` number for every request;
// - POST /api/v1/messages/batch: messages/s accepted, batches of 1,000 from BENCH_BATCH_CALLERS
//   callers, BENCH_BATCHES batches in all.
// The key's rate limit is set high (API_RATE_LIMIT) so the limiter never refuses; each request still
// takes its token, as every real one does.
import os from "node:os";
import autocannon from "autocannon";
import { startScratch } from "./scratch.ts";
import { benchOrg, scratchServer } from "./scratch-server.ts";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const BATCH = 1_000;
const BATCHES = Number(process.env.BENCH_BATCHES ?? 40);
const BATCH_CALLERS = Number(process.env.BENCH_BATCH_CALLERS ?? 2);
const GOALS = { rps: 1_500, p99: 50, batch: 20_000 };

const scratch = await startScratch("bench_api");
const app = await scratchServer(scratch, { API_RATE_LIMIT: "1000000" });
const { baseUrl } = app;

/** Distinct valid US numbers: 10 area codes x 10,000 lines. */
const phone = (i: number) => `+1${["212", "312", "303", "415", "602", "617", "206", "512", "404", "305"][i % 10]}555${String(Math.floor(i / 10) % 10_000).padStart(4, "0")}`;
const text = (i: number) => `Your order #${i} is ready for pickup. Reply STOP to opt out.`;

/** An org with an owner and a key, made as the admin CLI makes them (lib/, on the scratch schema). */
async function createKey(): Promise<string> {
  const { db, org } = await benchOrg(scratch);
  const { scopedDb } = await import("../../lib/db/scoped.ts");
  const { createApiKey } = await import("../../lib/api-keys/create-api-key.ts");
  const ctx = { db: scopedDb(db, org.id), orgId: org.id, actor: { type: "SYSTEM" as const, id: null, label: "bench" }, role: null };
  const { token } = await createApiKey(ctx, { name: "bench", scopes: ["messages:send", "messages:read"] });
  await db.$disconnect();
  return token;
}

async function singleSends(token: string, seconds: number, offset: number) {
  let n = offset;
  const result = await autocannon({
    url: baseUrl,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    requests: [{ method: "POST", path: "/api/v1/messages", setupRequest: (req) => ({ ...req, body: JSON.stringify({ to: phone(n), body: text(n++) }) }) }],
  });
  return { result, sent: n - offset };
}

/** The framework's own floor on this machine: a request refused 401 before any database work. */
async function floor(seconds: number) {
  const result = await autocannon({ url: `${baseUrl}/api/v1/messages`, connections: CONNECTIONS, duration: seconds });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

async function batchSends(token: string, offset: number) {
  let next = 0;
  let accepted = 0;
  const caller = async () => {
    for (let b = next++; b < BATCHES; b = next++) {
      const messages = Array.from({ length: BATCH }, (_, k) => ({ to: phone(offset + b * BATCH + k), body: text(b * BATCH + k) }));
      const response = await fetch(`${baseUrl}/api/v1/messages/batch`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ messages }),
      });
      const body = (await response.json()) as { accepted?: number; data?: { error?: unknown }[] };
      if (response.status !== 200 || body.accepted !== BATCH) throw new Error(`batch refused (${response.status}): ${JSON.stringify(body.data?.find((r) => r.error) ?? body).slice(0, 300)}`);
      accepted += body.accepted;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: BATCH_CALLERS }, caller));
  return { accepted, seconds: (performance.now() - started) / 1000 };
}

/** How busy the machine's cores were while `work` ran (0–1, all processes; time the hypervisor stole is left out). */
async function busyDuring<T>(work: () => Promise<T>): Promise<{ result: T; busy: number }> {
  const totals = () => os.cpus().reduce((t, c) => ({ idle: t.idle + c.times.idle, all: t.all + c.times.user + c.times.nice + c.times.sys + c.times.irq + c.times.idle }), { idle: 0, all: 0 });
  const before = totals();
  const result = await work();
  const after = totals();
  return { result, busy: 1 - (after.idle - before.idle) / Math.max(1, after.all - before.all) };
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const met = (ok: boolean) => (ok ? "met" : "**not met**");

try {
  await app.build();
  const token = await createKey();
  await app.start();

  console.log("Warming up (3 s)...");
  const warm = await singleSends(token, 3, 0);
  const loadBefore = os.loadavg();
  console.log(`Floor: unauthenticated GET /api/v1/messages (401), ${CONNECTIONS} connections, ${SECONDS} s...`);
  const { result: base, busy: floorBusy } = await busyDuring(() => floor(SECONDS));
  console.log(`Single sends: ${CONNECTIONS} connections, ${SECONDS} s...`);
  const {
    result: { result, sent },
    busy: singleBusy,
  } = await busyDuring(() => singleSends(token, SECONDS, warm.sent));
  console.log(`Batches: ${BATCHES} x ${BATCH} messages from ${BATCH_CALLERS} callers...`);
  const batch = await batchSends(token, warm.sent + sent);
  const loadAfter = os.loadavg();

  const rps = result.requests.average;
  const { p50, p99 } = result.latency;
  const perSecond = batch.accepted / batch.seconds;
  const summary = {
    machine: `${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    database: scratch.database,
    loadAverage: { before: loadBefore.map((l) => round(l, 2)), after: loadAfter.map((l) => round(l, 2)) },
    floor: { rps: round(base.rps), p50: base.p50, p99: base.p99, coresBusy: round(floorBusy, 2) },
    single: { connections: CONNECTIONS, seconds: SECONDS, requests: sent, rps: round(rps), p50, p99, max: result.latency.max, non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts, coresBusy: round(singleBusy, 2) },
    batch: { batches: BATCHES, callers: BATCH_CALLERS, accepted: batch.accepted, seconds: round(batch.seconds, 2), messagesPerSecond: Math.round(perSecond) },
  };
  console.log(JSON.stringify(summary, null, 2));
  console.log(`\n| measure | figure | goal |\n|---|---|---|`);
  console.log(`| floor: GET /api/v1/messages with no key (401 before any database work), ${CONNECTIONS} connections | ${round(base.rps)} req/s, p50 / p99 ${base.p50} / ${base.p99} ms | (reference) |`);
  console.log(`| POST /api/v1/messages, ${CONNECTIONS} connections, ${SECONDS} s | ${round(rps)} req/s | ≥ ${GOALS.rps} req/s: ${met(rps >= GOALS.rps)} |`);
  console.log(`| latency p50 / p99 (max) | ${p50} / ${p99} ms (${result.latency.max} ms) | p99 ≤ ${GOALS.p99} ms: ${met(p99 <= GOALS.p99)} |`);
  console.log(`| non-2xx / errors | ${result.non2xx} / ${result.errors} | 0 |`);
  console.log(`| cores busy: floor / single sends | ${Math.round(floorBusy * 100)}% / ${Math.round(singleBusy * 100)}% | |`);
  console.log(`| POST /api/v1/messages/batch, ${BATCH}-message batches, ${BATCH_CALLERS} callers | ${Math.round(perSecond)} messages/s | ≥ ${GOALS.batch} messages/s: ${met(perSecond >= GOALS.batch)} |`);
  console.log(`| load average (1 min) before / after | ${round(loadBefore[0]!, 2)} / ${round(loadAfter[0]!, 2)} | |`);
  if (result.non2xx > 0 || result.errors > 0) process.exitCode = 1;
} finally {
  await app.stop();
}
