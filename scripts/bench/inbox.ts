// `npm run bench:inbox`: an inbound text at the carrier webhook to the `message.received` event in a
// connected browser, as deployed: the production build (`next start`, built first if stale) with the
// embedded executor beside it, on a scratch schema of BENCH_DATABASE_URL (else TEST_DATABASE_URL,
// DATABASE_URL; else the embedded PostgreSQL). Twilio's inbound webhook
// (app/api/carriers/twilio/[connectionId]/inbound), signed as Twilio signs it, BENCH_MESSAGES texts
// at BENCH_RATE a second (open loop: a text does not wait for the one before), from a sender's
// POST to the event's arrival in each connected client of the org's GET /api/live:
// - alone: one client (Node, reading the stream as EventSource does), plus one real Chromium page's
//   EventSource when Chromium is found;
// - with BENCH_CLIENTS more Node clients connected to the same org (an inbox team's open tabs).
// References measured in the same run: the webhook's own answer time, a raw PostgreSQL NOTIFY→LISTEN
// round trip on the same server, and the transport alone: a publishLive transaction of this process
// (BEGIN to the event's arrival, no webhook) with every client connected. Goal: p95 ≤ 300 ms.
import http from "node:http";
import os from "node:os";
import { encode } from "next-auth/jwt";
import pg from "pg";
import twilio from "twilio";
import { ensureChromium } from "../chromium.ts";
import { startScratch } from "./scratch.ts";
import { benchOrg, scratchServer } from "./scratch-server.ts";

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 500);
const RATE = Number(process.env.BENCH_RATE ?? 10);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 200);
const GOAL_P95 = 300;
const AUTH_SECRET = "bench-inbox-secret-0123456789abcdef0123456789";
const ACCOUNT = { accountSid: `AC${"0".repeat(31)}1`, authToken: "bench-inbox-token" };

const scratch = await startScratch("bench_inbox");
const app = await scratchServer(scratch, { AUTH_SECRET });
const { baseUrl } = app;
const now = () => performance.timeOrigin + performance.now();

/** The org, its owner's session cookie, and a Twilio connection with a number texts come in on. */
async function setUp() {
  const { db, org } = await benchOrg(scratch);
  const { newId } = await import("../../lib/ids.ts");
  const owner = await db.membership.findFirstOrThrow({ where: { orgId: org.id }, include: { user: true } });
  const connection = await db.carrierConnection.create({ data: { id: newId("connection"), orgId: org.id, name: "Twilio", kind: "TWILIO", config: ACCOUNT } });
  const sender = await db.senderNumber.create({ data: { id: newId("sender"), orgId: org.id, connectionId: connection.id, address: "+15005550006" } });
  const salt = "authjs.session-token";
  const token = await encode({ token: { sub: owner.userId, email: owner.user.email, name: owner.user.name }, secret: AUTH_SECRET, salt });
  return { db, orgId: org.id, cookie: `${salt}=${token}`, connectionId: connection.id, to: sender.address };
}

/** An SSE client of GET /api/live: the arrival time of each message.received, by message id. */
function sseClient(agent: http.Agent, path: string, cookie: string) {
  const arrivals = new Map<string, number>();
  let buffer = "";
  let resolveOpen!: () => void;
  const opened = new Promise<void>((resolve) => (resolveOpen = resolve));
  const req = http.get(`${baseUrl}${path}`, { agent, headers: { cookie, accept: "text/event-stream" } }, (res) => {
    if (res.statusCode !== 200) throw new Error(`GET /api/live answered ${res.statusCode}`);
    res.setEncoding("utf8");
    res.on("data", (chunk: string) => {
      const at = now();
      buffer += chunk;
      let cut: number;
      while ((cut = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const data = block.split("\n").find((line) => line.startsWith("data: "));
        if (!data) continue;
        const event = JSON.parse(data.slice(6)) as { topic: string; data: { messageId?: string; n?: number } };
        if (event.topic === "hello") resolveOpen();
        if (event.topic === "message.received") arrivals.set(event.data.messageId!, at);
        if (event.topic === "bench.ping") arrivals.set(`ping:${event.data.n}`, at);
      }
    });
  });
  req.on("error", () => {});
  return { arrivals, opened, close: () => req.destroy() };
}

/** A real browser's EventSource on the same stream (its arrival times kept in the page). */
async function browserClient(cookie: string) {
  const executablePath = await ensureChromium().catch(() => null);
  if (!executablePath) return null;
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu"] });
  const context = await browser.newContext();
  const [name, value] = cookie.split("=") as [string, string];
  await context.addCookies([{ name, value, url: baseUrl }]);
  const page = await context.newPage();
  await page.goto(`${baseUrl}/api/v1/openapi.json`);
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const arrivals: [string, number][] = [];
        (window as unknown as { arrivals: typeof arrivals }).arrivals = arrivals;
        const source = new EventSource("/api/live");
        source.onmessage = (event) => {
          const message = JSON.parse(event.data) as { topic: string; data: { messageId?: string; n?: number } };
          const at = performance.timeOrigin + performance.now();
          if (message.topic === "hello") resolve();
          if (message.topic === "message.received") arrivals.push([message.data.messageId!, at]);
          if (message.topic === "bench.ping") arrivals.push([`ping:${message.data.n}`, at]);
        };
      }),
  );
  return {
    arrivals: async () => new Map(await page.evaluate(() => (window as unknown as { arrivals: [string, number][] }).arrivals)),
    close: () => browser.close(),
  };
}

interface Sent {
  sid: string;
  at: number;
  answeredAt?: number;
  /** The HTTP status, or the client's error code. */
  status?: number | string;
}

/** `count` inbound texts at RATE a second, each signed as Twilio signs it; `tag` keeps each round's SIDs apart. */
async function sendTexts(setup: Awaited<ReturnType<typeof setUp>>, tag: number, count = MESSAGES): Promise<Sent[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const path = `/api/carriers/twilio/${setup.connectionId}/inbound`;
  const sent: Sent[] = [];
  const pending: Promise<void>[] = [];
  const start = performance.now() + 50;
  for (let i = 0; i < count; i++) {
    const due = start + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const sid = `SM${tag.toString(16).padStart(8, "0")}${i.toString(16).padStart(24, "0")}`;
    const fields = { MessageSid: sid, From: `+1415555${String(1000 + (i % 50)).padStart(4, "0")}`, To: setup.to, Body: `Hi, is my order ${i} ready?`, NumMedia: "0" };
    const body = new URLSearchParams(fields).toString();
    const signature = twilio.getExpectedTwilioSignature(ACCOUNT.authToken, `${baseUrl}${path}`, fields);
    const record: Sent = { sid, at: now() };
    sent.push(record);
    pending.push(
      new Promise<void>((resolve) => {
        const req = http.request(
          `${baseUrl}${path}`,
          { method: "POST", agent, headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature } },
          (res) => {
            res.resume();
            res.on("end", () => {
              record.answeredAt = now();
              record.status = res.statusCode;
              resolve();
            });
          },
        );
        req.on("error", (error: NodeJS.ErrnoException) => {
          record.status = error.code ?? "error";
          resolve();
        });
        req.end(body);
      }),
    );
  }
  await Promise.all(pending);
  agent.destroy();
  return sent;
}

/** MESSAGES publishLive transactions of this process at RATE a second: the transport without the webhook. */
async function publishPings(setup: Awaited<ReturnType<typeof setUp>>): Promise<number[]> {
  const { publishLive } = await import("../../lib/realtime/publish-live.ts");
  const begun: number[] = [];
  const pending: Promise<unknown>[] = [];
  const start = performance.now() + 50;
  for (let n = 0; n < MESSAGES; n++) {
    const wait = start + (n * 1000) / RATE - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    begun[n] = now();
    pending.push(setup.db.$transaction((tx) => publishLive(tx, setup.orgId, [{ topic: "bench.ping", data: { n } }])));
  }
  await Promise.all(pending);
  return begun;
}

function pingLatencies(begun: number[], clients: Map<string, number>[]) {
  const values: number[] = [];
  let missing = 0;
  for (const [n, at] of begun.entries()) {
    for (const arrivals of clients) {
      const arrived = arrivals.get(`ping:${n}`);
      if (arrived === undefined) missing++;
      else values.push(arrived - at);
    }
  }
  return { ...summarise(values), missing };
}

/** A raw NOTIFY→LISTEN round trip on the same server, `count` times one after another. */
async function notifyRoundTrips(count: number): Promise<number[]> {
  const url = new URL(scratch.dbUrl);
  url.searchParams.delete("schema");
  const listener = new pg.Client({ connectionString: url.toString() });
  const notifier = new pg.Client({ connectionString: url.toString() });
  await Promise.all([listener.connect(), notifier.connect()]);
  await listener.query(`LISTEN bench_inbox_ping`);
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const heard = new Promise<void>((resolve) => listener.once("notification", () => resolve()));
    const at = performance.now();
    await notifier.query(`NOTIFY bench_inbox_ping, '${i}'`);
    await heard;
    times.push(performance.now() - at);
  }
  await Promise.all([listener.end(), notifier.end()]);
  return times;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const ms = (n: number) => Math.round(n * 10) / 10;
function summarise(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return { n: sorted.length, p50: ms(quantile(sorted, 0.5)), p95: ms(quantile(sorted, 0.95)), p99: ms(quantile(sorted, 0.99)), max: ms(sorted.at(-1) ?? NaN) };
}

/** Latency of each (text stored, client) pair from the POST to its arrival; stored texts a client never got are counted as missed. */
async function latencies(sent: Sent[], clients: Map<string, number>[]) {
  const { rows } = await scratch.admin.query<{ id: string; sid: string }>(
    `SELECT id, "carrierMessageId" AS sid FROM "${scratch.schema}"."Message" WHERE "carrierMessageId" = ANY($1)`,
    [sent.map((s) => s.sid)],
  );
  const idOf = new Map(rows.map((r) => [r.sid, r.id]));
  const values: number[] = [];
  let missing = 0;
  for (const s of sent) {
    const id = idOf.get(s.sid);
    // A POST that failed (a client socket reset) stored nothing to announce: counted in webhookAnswers.
    if (!id) continue;
    for (const arrivals of clients) {
      const at = arrivals.get(id);
      if (at === undefined) missing++;
      else values.push(at - s.at);
    }
  }
  return { ...summarise(values), missing };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 2_000));

try {
  await app.build();
  const setup = await setUp();
  await app.start();
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS + 16 });
  const livePath = `/api/live?org=${setup.orgId}`;

  console.log("Reference: raw NOTIFY→LISTEN round trips...");
  const notify = summarise(await notifyRoundTrips(MESSAGES));

  console.log("Warming up: 50 texts...");
  const warm = sseClient(agent, livePath, setup.cookie);
  await warm.opened;
  await sendTexts(setup, 0, 50);
  warm.close();

  const loadBefore = os.loadavg();
  console.log(`Alone: ${MESSAGES} texts at ${RATE}/s, one Node client and one Chromium page...`);
  const one = sseClient(agent, livePath, setup.cookie);
  await one.opened;
  const browser = await browserClient(setup.cookie);
  const aloneSent = await sendTexts(setup, 1);
  await settle();
  const alone = await latencies(aloneSent, [one.arrivals]);
  const aloneBrowser = browser ? await latencies(aloneSent, [await browser.arrivals()]) : null;
  const aloneWebhook = summarise(aloneSent.filter((s) => s.answeredAt).map((s) => s.answeredAt! - s.at));
  const loadMiddle = os.loadavg();

  console.log(`With ${CLIENTS} more clients: ${MESSAGES} texts at ${RATE}/s...`);
  const many = Array.from({ length: CLIENTS }, () => sseClient(agent, livePath, setup.cookie));
  await Promise.all(many.map((c) => c.opened));
  const loadedSent = await sendTexts(setup, 2);
  await settle();
  const loaded = await latencies(loadedSent, [one.arrivals, ...many.map((c) => c.arrivals)]);
  const loadedBrowser = browser ? await latencies(loadedSent, [await browser.arrivals()]) : null;
  const loadedWebhook = summarise(loadedSent.filter((s) => s.answeredAt).map((s) => s.answeredAt! - s.at));

  console.log(`Transport alone, ${CLIENTS + 1} clients: ${MESSAGES} publishLive transactions at ${RATE}/s...`);
  const begun = await publishPings(setup);
  await settle();
  const transport = pingLatencies(begun, [one.arrivals, ...many.map((c) => c.arrivals)]);
  const transportBrowser = browser ? pingLatencies(begun, [await browser.arrivals()]) : null;
  const loadAfter = os.loadavg();
  const statuses = [...aloneSent, ...loadedSent].reduce<Record<string, number>>((acc, s) => ({ ...acc, [s.status ?? "error"]: (acc[s.status ?? "error"] ?? 0) + 1 }), {});
  one.close();
  many.forEach((c) => c.close());
  await browser?.close();
  await setup.db.$disconnect();

  const summary = {
    machine: `${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    database: scratch.database,
    messages: MESSAGES,
    rate: RATE,
    clients: CLIENTS,
    loadAverage: { before: loadBefore.map(ms), middle: loadMiddle.map(ms), after: loadAfter.map(ms) },
    webhookAnswers: statuses,
    reference: { notifyRoundTrip: notify, webhookAlone: aloneWebhook, webhookWithClients: loadedWebhook, transport, transportChromium: transportBrowser },
    alone: { node: alone, chromium: aloneBrowser },
    withClients: { node: loaded, chromium: loadedBrowser },
  };
  console.log(JSON.stringify(summary, null, 2));
  const row = (what: string, s: { p50: number; p95: number; p99: number; max: number; missing?: number } | null, goal = "") =>
    s ? console.log(`| ${what} | ${s.p50} / ${s.p95} / ${s.p99} (${s.max}) ms | ${s.missing ?? ""} | ${goal} |`) : undefined;
  const met = (s: { p95: number; missing: number }) => (s.p95 <= GOAL_P95 && s.missing === 0 ? "met" : "**not met**");
  console.log(`\n| measure | p50 / p95 / p99 (max) | missed | goal p95 ≤ ${GOAL_P95} ms |\n|---|---|---|---|`);
  row("reference: raw NOTIFY→LISTEN round trip", notify);
  row(`reference: the webhook's answer, ${RATE} texts/s`, aloneWebhook);
  row("webhook → event, one Node client", alone, met(alone));
  row("webhook → event, Chromium's EventSource", aloneBrowser, aloneBrowser ? met(aloneBrowser) : "");
  row(`reference: the webhook's answer, with ${CLIENTS + 1} clients`, loadedWebhook);
  row(`webhook → event, each of ${CLIENTS + 1} Node clients`, loaded, met(loaded));
  row(`webhook → event, Chromium's EventSource among ${CLIENTS + 1}`, loadedBrowser, loadedBrowser ? met(loadedBrowser) : "");
  row(`reference: publishLive (BEGIN) → event, each of ${CLIENTS + 1} Node clients`, transport);
  row(`reference: publishLive (BEGIN) → event, Chromium among ${CLIENTS + 1}`, transportBrowser);
  console.log(`| load average (1 min) before / middle / after | ${ms(loadBefore[0]!)} / ${ms(loadMiddle[0]!)} / ${ms(loadAfter[0]!)} | | |`);
  if (alone.missing > 0 || loaded.missing > 0) process.exitCode = 1;
} finally {
  await app.stop();
}
