// `npm run bench:workflows`: BENCH_CONTACTS (default 10,000) contacts enrolled by hand in a published
// workflow "send → wait for a reply → yes: send A, anything else: send B", as `npm start` runs it:
// the embedded executor and the app (serving lib/jobs/functions.ts, run-workflow among them, with the
// real SDK) each a process of their own, the simulator as the carrier (no delay, no throttle), the
// replies through receiveMessage as a virtual phone's or a carrier webhook's are. Measured:
// 1. enrolment: the enrolAudience call (one INSERT ... SELECT), and runs/s from that call until every
//    run's reply wait is registered with the executor (its first send done);
// 2. reply → next step: from a reply's row (its transaction) to the branch's send row, for
//    BENCH_SAMPLE replies at each of BENCH_REPLY_RATES a second (open loop; default 5 and 20, one
//    below and one above the workflow's throughput on 2 cores) while all the others wait, each
//    rate's replies measured once all their branch sends are made. Goal: p95 ≤ 1 s. Reference in the
//    same run: the same with only the samples' own runs waiting; receiveMessage's own time with no
//    run waiting, against the same with every run waiting (10,000 waiting runs must not slow
//    inbound texts); where a reply's time goes (its legs) and the executor runs it starts;
// 3. completion: the remaining contacts reply from BENCH_REPLY_CALLERS callers at once; runs/s from
//    the first reply to the last run completed.
// Database: BENCH_DATABASE_URL (else TEST_DATABASE_URL, DATABASE_URL, else the embedded PostgreSQL), a
// scratch schema dropped afterwards. Contacts are in a zone where it is day and the workflow keeps
// no quiet hours, so nothing is held.
import { spawn, type ChildProcess } from "node:child_process";
import os from "node:os";
import type { Prisma } from "../../lib/generated/prisma/client.ts";
import { zoneAwakeNow } from "../../tests/awake-zone.ts";
import { freePort, stopProcess, waitForHttp } from "../run.ts";
import { startScratch } from "./scratch.ts";
import { simulatorOrg } from "./simulator-org.ts";
import { percentile } from "./timing.ts";

const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 10_000);
const SAMPLE = Number(process.env.BENCH_SAMPLE ?? 200);
// Replies a second of the samples, each its own SAMPLE contacts: below the workflow's throughput
// (a reply's own latency) and above it (latency then is the queue: it grows for as long as the rate lasts).
const RATES = (process.env.BENCH_REPLY_RATES ?? "5,20").split(",").map(Number);
const CALLERS = Number(process.env.BENCH_REPLY_CALLERS ?? 8);
const GOAL_P95_MS = 1_000;
const POLL_MS = 500;
const STALL_MS = 180_000;

const BODY_ASK = "Hi {{first_name|there}}, 20% off everything this week. Want the code? Reply YES";
const BODY_YES = "Here it is: WINTER20. See you soon! (A)";
const BODY_OTHER = "No problem, we will keep you posted. (B)";

const log = (line: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
const seconds = (ms: number) => Math.round(ms / 100) / 10;
const load = () => os.loadavg()[0]!.toFixed(1);
const round = (n: number) => Math.round(n * 10) / 10;
function summarise(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return { n: 0, p50: NaN, p95: NaN, p99: NaN, max: NaN };
  return { n: sorted.length, p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), p99: round(percentile(sorted, 99)), max: round(sorted.at(-1)!) };
}

const scratch = await startScratch("bench_workflows");
const { admin, schema, dbUrl, executorUrl } = scratch;
Object.assign(process.env, {
  DATABASE_URL: dbUrl,
  INNGEST_DEV: executorUrl,
  AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-secret-0123456789abcdef0123456789",
  NODE_ENV: "production",
  LOG_LEVEL: "error",
});
await admin.query(`SET search_path TO "${schema}", public`);
const { db } = await import("../../lib/db.ts").catch(scratch.abandon);
const { newId } = await import("../../lib/ids.ts");
const { workflowGraph, workflowSettings } = await import("../../lib/workflows/graph-model.ts");
const { enrollAudience } = await import("../../lib/workflows/enroll-audience.ts");
const { receiveMessage } = await import("../../lib/messaging/receive-message.ts");

const appPort = await freePort();
/** The app's job functions, served in a process of their own as `npm start` serves them. */
async function startApp(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/bench/jobs-app.ts"], {
    env: { ...process.env, BENCH_APP_PORT: String(appPort) },
    stdio: ["ignore", "inherit", "inherit"],
  });
  await waitForHttp(`http://127.0.0.1:${appPort}/api/inngest`, 60_000);
  return child;
}
const app = await startApp().catch(scratch.abandon);

async function cleanup() {
  await stopProcess(app, "SIGTERM");
  await db.$disconnect();
  await scratch.cleanup();
}

const count = async (sql: string, params: unknown[] = []) => Number((await admin.query(sql, params)).rows[0].n);

/** Polls until `done()` reaches `target`; throws when it has not moved for STALL_MS. */
async function until(what: string, target: number, done: () => Promise<number>) {
  let last = -1;
  let movedAt = performance.now();
  let loggedAt = 0;
  for (;;) {
    const n = await done();
    if (n >= target) return;
    if (n !== last) [last, movedAt] = [n, performance.now()];
    if (performance.now() - movedAt > STALL_MS) throw new Error(`${what}: stuck at ${n} of ${target} for ${STALL_MS / 1000} s`);
    if (performance.now() - loggedAt > 10_000) {
      loggedAt = performance.now();
      log(`  ${what}: ${n.toLocaleString()} of ${target.toLocaleString()} (load ${load()})`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

try {
  const org = await simulatorOrg(1);
  const orgId = org.ctx.orgId;
  const sender = org.senders[0]!;
  // Two texts to every contact within minutes: no cap of the org's own.
  await db.organization.update({ where: { id: orgId }, data: { marketingCapPer24h: null } });
  const zone = zoneAwakeNow();
  const main = await db.contactList.create({ data: { id: "lst_bench_wf_main", orgId, name: "Everyone" } });
  const reference = await db.contactList.create({ data: { id: "lst_bench_wf_reference", orgId, name: "Reference" } });
  log(`filling ${CONTACTS.toLocaleString()} + ${SAMPLE * RATES.length} contacts in ${zone} (load ${load()})`);
  // Contact i: the reference samples first (1..SAMPLE × rates), then the main audience.
  await admin.query(
    `INSERT INTO "Contact" (id, "orgId", phone, "firstName", "timeZone", "consentStatus", "updatedAt")
     SELECT 'ct_bench_' || lpad(i::text, 8, '0'), $1, '+1' || (ARRAY['212','312','303','415','602'])[1 + i % 5] || (2000000 + i)::text,
            (ARRAY['Ava','Liam','Noah','Emma','Mateo','Sofia','Yuki','Priya','Omar','Grace'])[1 + i % 10], $2, 'OPTED_IN', now()
     FROM generate_series(1, $3::int) AS i`,
    [orgId, zone, CONTACTS + SAMPLE * RATES.length],
  );
  await admin.query(
    `INSERT INTO "ListMembership" ("listId", "contactId", "orgId")
     SELECT CASE WHEN substr(id, 10)::int <= $3 THEN $1 ELSE $2 END, id, $4 FROM "Contact" WHERE "orgId" = $4`,
    [reference.id, main.id, SAMPLE * RATES.length, orgId],
  );
  await admin.query(`VACUUM ANALYZE "Contact", "ListMembership"`);
  const phonesOf = async (listId: string) =>
    (await admin.query<{ phone: string }>(`SELECT c.phone FROM "Contact" c JOIN "ListMembership" m ON m."contactId" = c.id WHERE m."listId" = $1 ORDER BY c.id`, [listId])).rows.map((r) => r.phone);
  const referencePhones = await phonesOf(reference.id);
  const mainPhones = await phonesOf(main.id);

  // The workflow, published as the publisher leaves it (status, version, trigger columns).
  const position = { x: 0, y: 0 };
  const graph = workflowGraph.parse({
    nodes: [
      { id: "start", type: "trigger", position, data: { trigger: { kind: "manual" } } },
      { id: "ask", type: "send_message", position, data: { body: BODY_ASK, mediaIds: [], senderId: sender.id } },
      {
        id: "answer",
        type: "wait_for_reply",
        position,
        data: { timeout: { amount: 2, unit: "hours" }, branches: [{ id: "yes", label: "Yes", test: { kind: "yes" } }], saveTo: null },
      },
      { id: "code", type: "send_message", position, data: { body: BODY_YES, mediaIds: [], senderId: sender.id } },
      { id: "later", type: "send_message", position, data: { body: BODY_OTHER, mediaIds: [], senderId: sender.id } },
    ],
    edges: [
      { id: "e1", source: "start", sourceHandle: "next", target: "ask" },
      { id: "e2", source: "ask", sourceHandle: "next", target: "answer" },
      { id: "e3", source: "answer", sourceHandle: "yes", target: "code" },
      { id: "e4", source: "answer", sourceHandle: "other", target: "later" },
    ],
  });
  const settingsValue = workflowSettings.parse({ quietHours: false });
  // The columns are Json: the parsed model as the JSON it is stored as.
  const [draft, settings] = [graph, settingsValue] as unknown as [Prisma.InputJsonValue, Prisma.InputJsonValue];
  const workflowId = newId("workflow");
  const versionId = newId("workflowVersion");
  await db.workflow.create({ data: { id: workflowId, orgId, name: "Winter code", status: "DRAFT", draft, settings, draftChanged: false } });
  await db.workflowVersion.create({ data: { id: versionId, orgId, workflowId, version: 1, graph: draft, settings, triggerKind: "manual", triggerKey: null } });
  await db.workflow.update({ where: { id: workflowId }, data: { status: "ACTIVE", publishedVersionId: versionId } });

  const replyWaits = () => count(`SELECT count(*)::int AS n FROM "JobWait" WHERE "eventName" = 'messages/received' AND kind = 'WAIT'`);
  const completedRuns = () => count(`SELECT count(*)::int AS n FROM "WorkflowRun" WHERE "workflowId" = $1 AND status = 'COMPLETED'`, [workflowId]);

  /** One text from `phone`; its receiveMessage time (ms) and the inbound message's id. */
  async function reply(phone: string, body: string) {
    const started = performance.now();
    const { message } = await receiveMessage(db, org.connectionId, { from: phone, to: sender.address, body, media: [], receivedAt: new Date() });
    return { ms: performance.now() - started, messageId: message.id };
  }

  /** Texts from `phones` at `rate` a second, open loop (a text does not wait for the one before). */
  async function repliesAtRate(phones: string[], body: (i: number) => string, rate: number) {
    const start = performance.now() + 50;
    const pending: Promise<{ ms: number; messageId: string }>[] = [];
    for (const [i, phone] of phones.entries()) {
      const wait = start + (i * 1000) / rate - performance.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      pending.push(reply(phone, body(i)));
    }
    return Promise.all(pending);
  }

  /**
   * From each reply's row to the first branch send to its contact after it (both rows' own times, on
   * one clock); replies whose send never came within STALL_MS are counted as missing.
   */
  async function replyToSend(messageIds: string[]) {
    const query = `SELECT (SELECT extract(epoch FROM min(o."createdAt") - i."createdAt") * 1000 FROM "Message" o
                           WHERE o."contactId" = i."contactId" AND o.direction = 'OUTBOUND' AND o.body = ANY($2) AND o."createdAt" >= i."createdAt")::float8 AS ms
                   FROM "Message" i WHERE i.id = ANY($1)`;
    const measure = async () => (await admin.query<{ ms: number | null }>(query, [messageIds, [BODY_YES, BODY_OTHER]])).rows;
    await until("branch sends", messageIds.length, async () => (await measure()).filter((r) => r.ms !== null).length).catch((error: Error) => log(error.message));
    const rows = await measure();
    return { ...summarise(rows.flatMap((r) => (r.ms === null ? [] : [r.ms]))), missing: rows.filter((r) => r.ms === null).length };
  }
  /**
   * Where a reply's time goes, p50 of each leg (ms): the text's row to its wait resolved by the
   * executor (the event sent and ingested), to the call that goes on from it (queued for a worker),
   * to the branch's send row (the SDK's call: the wait's after-step and the send).
   */
  async function legs(messageIds: string[]) {
    const rows = (await admin.query<{ ingest: number; queue: number; call: number }>(
      `SELECT extract(epoch FROM w."completedAt" - i."createdAt") * 1000 AS ingest, extract(epoch FROM a."startedAt" - w."completedAt") * 1000 AS queue,
              extract(epoch FROM (SELECT min(o."createdAt") FROM "Message" o WHERE o."contactId" = i."contactId" AND o.direction = 'OUTBOUND'
                                  AND o.body = ANY($3) AND o."createdAt" >= i."createdAt") - a."startedAt") * 1000 AS call
       FROM "Message" i
       JOIN "WorkflowRun" r ON r."contactId" = i."contactId" AND r."workflowId" = $2
       JOIN "JobRun" j ON j.events -> 0 -> 'data' ->> 'runId' = r.id
       JOIN "JobStep" w ON w."runId" = j.id AND w.name = 'node:answer:reply'
       JOIN "JobStep" a ON a."runId" = j.id AND a.name = 'node:answer:after'
       WHERE i.id = ANY($1)`,
      [messageIds, workflowId, [BODY_YES, BODY_OTHER]],
    )).rows;
    const p50 = (key: "ingest" | "queue" | "call") => summarise(rows.map((r) => Number(r[key]))).p50;
    return { n: rows.length, ingest: p50("ingest"), queue: p50("queue"), call: p50("call") };
  }
  const answer = (i: number) => (i % 2 === 0 ? "yeah" : "maybe later");
  /** The executor's runs started since `since`, per function, per reply: the work one reply makes. */
  async function runsPerReply(since: Date, replies: number) {
    const rows = (await admin.query<{ fn: string; n: number }>(
      `SELECT regexp_replace("functionId", '^[^-]+-', '') AS fn, count(*)::int AS n FROM "JobRun" WHERE "createdAt" >= $1 GROUP BY 1 ORDER BY 2 DESC`,
      [since],
    )).rows;
    return Object.fromEntries(rows.map((r) => [r.fn, Math.round((r.n / replies) * 100) / 100]));
  }

  // References: receiveMessage with no run waiting (texts from the reference sample, not enrolled yet).
  const top = Math.max(...RATES);
  log(`reference: ${SAMPLE} texts at ${top}/s, no run waiting (load ${load()})`);
  const receiveAlone = summarise((await repliesAtRate(referencePhones.slice(0, SAMPLE), () => "hello", top)).map((r) => r.ms));

  /** SAMPLE replies from `phones` at `rate` a second; measured once every one's branch send is made. */
  async function sampleAt(phones: string[], rate: number) {
    const since = new Date();
    const replies = await repliesAtRate(phones, answer, rate);
    const ids = replies.map((r) => r.messageId);
    const latency = await replyToSend(ids);
    log(`  at ${rate}/s: reply → branch send p50 ${latency.p50} / p95 ${latency.p95} ms (${latency.missing} missing)`);
    return { rate, latency, legs: await legs(ids), runs: await runsPerReply(since, phones.length), receive: summarise(replies.map((r) => r.ms)) };
  }

  // Reference: the samples' runs alone, replied to at each rate.
  await enrollAudience(org.ctx, workflowId, { listIds: [reference.id] });
  await until("reference runs waiting for a reply", SAMPLE * RATES.length, replyWaits);
  const references = [];
  for (const [i, rate] of RATES.entries()) {
    log(`reference: ${SAMPLE} replies at ${rate}/s, only the samples' own runs waiting (load ${load()})`);
    references.push(await sampleAt(referencePhones.slice(i * SAMPLE, (i + 1) * SAMPLE), rate));
  }
  await until("reference runs completed", SAMPLE * RATES.length, completedRuns);

  // 1. Enrolment of the main audience.
  log(`enrolling ${CONTACTS.toLocaleString()} contacts (load ${load()})`);
  const enrolStart = performance.now();
  const { enrolled } = await enrollAudience(org.ctx, workflowId, { listIds: [main.id] });
  const enrolCallMs = performance.now() - enrolStart;
  await until("runs waiting for a reply", enrolled, replyWaits);
  const enrolledMs = performance.now() - enrolStart;
  const keyed = await count(`SELECT count(*)::int AS n FROM "JobWait" WHERE "eventName" = 'messages/received' AND kind = 'WAIT' AND "matchPath" IS NOT NULL`);
  log(`enrolled ${enrolled.toLocaleString()} in ${seconds(enrolledMs)} s (${keyed.toLocaleString()} waits keyed)`);

  // 2. The samples' replies at each rate with everyone else waiting, one rate after the other.
  const samples = [];
  for (const [i, rate] of RATES.entries()) {
    log(`${SAMPLE} replies at ${rate}/s, ${(enrolled - i * SAMPLE).toLocaleString()} runs waiting (load ${load()})`);
    samples.push(await sampleAt(mainPhones.slice(i * SAMPLE, (i + 1) * SAMPLE), rate));
  }

  // 3. Everyone else, as fast as CALLERS callers go; then every run completed.
  const rest = mainPhones.slice(SAMPLE * RATES.length);
  const replyStart = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CALLERS }, async () => {
      for (let i = next++; i < rest.length; i = next++) await reply(rest[i]!, answer(i));
    }),
  );
  const repliedMs = performance.now() - replyStart;
  await until("runs completed", SAMPLE * RATES.length + enrolled, completedRuns);
  const completedMs = performance.now() - replyStart;
  const [branches] = (
    await admin.query(
      `SELECT count(*) FILTER (WHERE body = $2)::int AS yes, count(*) FILTER (WHERE body = $3)::int AS other
       FROM "Message" WHERE "orgId" = $1 AND direction = 'OUTBOUND'`,
      [orgId, BODY_YES, BODY_OTHER],
    )
  ).rows;

  const result = {
    machine: `${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    database: scratch.database,
    contacts: CONTACTS,
    enrolled,
    keyedWaits: keyed,
    enrolCallSeconds: seconds(enrolCallMs),
    enrolledPerSecond: Math.round(enrolled / (enrolledMs / 1000)),
    secondsToAllWaiting: seconds(enrolledMs),
    withAllWaiting: samples,
    onlyOwnRunsWaiting: references,
    receiveMessageNoRunWaitingMs: receiveAlone,
    repliesPerSecond: Math.round(rest.length / (repliedMs / 1000)),
    completedPerSecond: Math.round(rest.length / (completedMs / 1000)),
    secondsToAllCompleted: seconds(completedMs),
    branchSends: branches,
  };
  console.log(JSON.stringify(result, null, 2));
  const met = (s: { p95: number; missing: number }) => (s.p95 <= GOAL_P95_MS && s.missing === 0 ? "met" : "**not met**");
  const row = (what: string, s: { p50: number; p95: number; p99: number; max: number; missing?: number }, goal = "") =>
    console.log(`| ${what} | ${s.p50} / ${s.p95} / ${s.p99} (${s.max}) ms | ${s.missing ?? ""} | ${goal} |`);
  console.log(`\n| measure | p50 / p95 / p99 (max) | missed | goal p95 ≤ ${GOAL_P95_MS} ms |\n|---|---|---|---|`);
  for (const [i, s] of samples.entries()) {
    row(`reply → branch send, ${s.rate} replies/s, ${(enrolled - i * SAMPLE).toLocaleString()} runs waiting`, s.latency, met(s.latency));
    row(`reference: the same, only the replying runs waiting`, references[i]!.latency);
  }
  for (const s of samples) row(`receiveMessage, ${s.rate} texts/s, ${enrolled.toLocaleString()} runs waiting`, s.receive);
  row(`reference: receiveMessage, ${top} texts/s, no run waiting`, receiveAlone);
  console.log(`\n| measure | value |\n|---|---|`);
  console.log(`| enrolment call (${enrolled.toLocaleString()} runs) | ${result.enrolCallSeconds} s |`);
  console.log(`| enrolled to waiting for a reply (first send done) | ${result.enrolledPerSecond} runs/s (${result.secondsToAllWaiting} s) |`);
  console.log(`| the other ${rest.length.toLocaleString()} replying at once (${CALLERS} callers) to every run completed | ${result.completedPerSecond} runs/s (${result.secondsToAllCompleted} s; replies ${result.repliesPerSecond}/s) |`);
  console.log(`| branch sends: yes / other | ${branches.yes} / ${branches.other} |`);
  for (const [i, s] of samples.entries()) {
    const leg = (l: typeof s.legs) => `${l.ingest} / ${l.queue} / ${l.call} ms`;
    console.log(`| a reply's legs at ${s.rate}/s, p50: text → wait resolved / → call started / → branch send row | ${leg(s.legs)} (reference ${leg(references[i]!.legs)}) |`);
    console.log(`| executor runs a reply starts at ${s.rate}/s, by function (besides its own run) | ${Object.entries(s.runs).map(([fn, n]) => `${fn} ${n}`).join(", ")} |`);
  }
  if ([...samples, ...references].some((s) => s.latency.missing > 0)) process.exitCode = 1;
} finally {
  await cleanup();
}
