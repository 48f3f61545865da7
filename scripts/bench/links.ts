// `npm run bench:links`: the short-link redirect (app/l/[code]) as deployed: the production build
// (`next start`, built first if stale) with the embedded executor beside it, as `npm start` runs
// them, on a scratch schema of BENCH_DATABASE_URL (else TEST_DATABASE_URL, DATABASE_URL; else the
// embedded PostgreSQL). Open loop: a request every 1/BENCH_RATE s whatever the answers before it
// (a person's click does not wait for someone else's), for BENCH_SECONDS, each to a random one of
// BENCH_LINKS codes with a phone's user agent, so each is recorded as a person's click; latency is
// from when the request was due, so a server falling behind shows in it.
// - the floor: the same route with a code of the wrong shape, answered (404, the friendly page)
//   before any database work: what Next.js itself serves for this route on this machine;
// - the redirect: 302 to the link's URL after one statement (the link by its code, its message's
//   times, the click inserted).
import http from "node:http";
import os from "node:os";
import { startScratch } from "./scratch.ts";
import { benchOrg, scratchServer } from "./scratch-server.ts";

const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const LINKS = Number(process.env.BENCH_LINKS ?? 20_000);
const GOAL_P99 = 20;
const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

const scratch = await startScratch("bench_links");
const app = await scratchServer(scratch);
const { baseUrl } = app;

/** An org with LINKS messages sent an hour ago, each with one short link (set-based, as a campaign's fan-out writes them). */
async function seedLinks(): Promise<string[]> {
  const { db, org } = await benchOrg(scratch);
  const { newId } = await import("../../lib/ids.ts");
  const { newLinkCode } = await import("../../lib/links/link-code.ts");
  const ids = Array.from({ length: LINKS }, () => newId("message"));
  const codes = Array.from({ length: LINKS }, newLinkCode);
  await scratch.admin.query(`SET search_path TO "${scratch.schema}", public`);
  await scratch.admin.query(
    `INSERT INTO "Message" (id, "orgId", direction, status, "from", "to", body, encoding, segments, "createdAt", "updatedAt", "sentAt", "deliveredAt")
     SELECT u.id, $2, 'OUTBOUND', 'DELIVERED', '+14155550100', '+1212555' || lpad((n % 10000)::text, 4, '0'), 'Sale: ' || $3 || u.code, 'GSM-7', 1,
       now() - interval '1 hour', now() - interval '1 hour', now() - interval '1 hour', now() - interval '1 hour'
     FROM unnest($1::text[], $4::text[]) WITH ORDINALITY AS u(id, code, n)`,
    [ids, org.id, `${baseUrl}/l/`, codes],
  );
  await scratch.admin.query(
    `INSERT INTO "ShortLink" (id, "orgId", code, url, "messageId", "createdAt")
     SELECT 'lnk_' || substr(u.id, 5), $2, u.code, 'https://shop.example.com/sale?utm_source=textstack&utm_medium=sms&utm_campaign=bench', u.id, now()
     FROM unnest($1::text[], $3::text[]) AS u(id, code)`,
    [ids, org.id, codes],
  );
  await scratch.admin.query(`ANALYZE "ShortLink"; ANALYZE "Message"`);
  await db.$disconnect();
  return codes;
}

interface Phase {
  latencies: number[];
  statuses: Map<number, number>;
  /** Requests that got no answer, by the client's error code. */
  errors: Record<string, number>;
}

/** RATE requests a second for `seconds`, open loop; latency from each request's due time to its answer's end. */
async function openLoop(seconds: number, path: () => string): Promise<Phase> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
  const phase: Phase = { latencies: [], statuses: new Map(), errors: {} };
  const total = Math.round(RATE * seconds);
  const start = performance.now() + 50;
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(
      new Promise<void>((resolve) => {
        const req = http.get(`${baseUrl}${path()}`, { agent, headers: { "user-agent": IPHONE } }, (res) => {
          res.resume();
          res.on("end", () => {
            phase.latencies.push(performance.now() - due);
            phase.statuses.set(res.statusCode ?? 0, (phase.statuses.get(res.statusCode ?? 0) ?? 0) + 1);
            resolve();
          });
        });
        req.on("error", (error: NodeJS.ErrnoException) => {
          const code = error.code ?? error.message;
          phase.errors[code] = (phase.errors[code] ?? 0) + 1;
          resolve();
        });
      }),
    );
  }
  await Promise.all(pending);
  agent.destroy();
  return phase;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const ms = (n: number) => Math.round(n * 10) / 10;
function summarise(p: Phase) {
  const sorted = [...p.latencies].sort((a, b) => a - b);
  return { requests: sorted.length, p50: ms(quantile(sorted, 0.5)), p95: ms(quantile(sorted, 0.95)), p99: ms(quantile(sorted, 0.99)), max: ms(sorted.at(-1) ?? NaN), statuses: Object.fromEntries(p.statuses), errors: p.errors };
}

try {
  await app.build();
  const codes = await seedLinks();
  await app.start();
  const randomCode = () => `/l/${codes[Math.floor(Math.random() * codes.length)]}`;

  console.log(`Warming up: ${RATE} req/s for 5 s of each...`);
  await openLoop(5, () => "/l/not-a-code");
  await openLoop(5, randomCode);
  const loadBefore = os.loadavg();
  console.log(`Floor: /l/<a code of the wrong shape> (404, no database), ${RATE} req/s for ${SECONDS} s...`);
  const floor = summarise(await openLoop(SECONDS, () => "/l/not-a-code"));
  console.log(`Redirect: /l/<one of ${codes.length} codes> (302, click recorded), ${RATE} req/s for ${SECONDS} s...`);
  const redirect = summarise(await openLoop(SECONDS, randomCode));
  const loadAfter = os.loadavg();
  const { rows } = await scratch.admin.query<{ people: number; all: number }>(
    `SELECT count(*) FILTER (WHERE "botReason" IS NULL)::int AS people, count(*)::int AS all FROM "LinkClick"`,
  );

  const summary = {
    machine: `${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    database: scratch.database,
    rate: RATE,
    seconds: SECONDS,
    links: codes.length,
    loadAverage: { before: loadBefore.map((l) => ms(l)), after: loadAfter.map((l) => ms(l)) },
    floor,
    redirect,
    clicksRecorded: rows[0],
  };
  console.log(JSON.stringify(summary, null, 2));
  console.log(`\n| measure | p50 / p95 / p99 (max) | answers | goal |\n|---|---|---|---|`);
  console.log(`| floor: /l/<wrong shape>, 404 with no database, ${RATE} req/s | ${floor.p50} / ${floor.p95} / ${floor.p99} (${floor.max}) ms | ${JSON.stringify(floor.statuses)} | (reference) |`);
  console.log(
    `| redirect: /l/<code>, 302 and the click recorded, ${RATE} req/s | ${redirect.p50} / ${redirect.p95} / ${redirect.p99} (${redirect.max}) ms | ${JSON.stringify(redirect.statuses)} | p99 ≤ ${GOAL_P99} ms: ${redirect.p99 <= GOAL_P99 ? "met" : "**not met**"} |`,
  );
  console.log(`| load average (1 min) before / after | ${ms(loadBefore[0]!)} / ${ms(loadAfter[0]!)} | | |`);
  if (Object.keys(redirect.errors).length > 0 || redirect.statuses[302] !== redirect.requests) process.exitCode = 1;
} finally {
  await app.stop();
}
