// `npm run bench:pipeline`: messages per second from `sendMessages` batches to `sent` through the
// simulator, on the real pipeline: the embedded executor in its own process (as under `npm start`),
// this process as the app serving lib/jobs/functions.ts with the real SDK over loopback.
// Measured: accepted/s (sendMessages batches of 1,000 from BENCH_CONCURRENCY callers) and sent/s (first send to the last
// message `sent`), over BENCH_MESSAGES messages spread over BENCH_SENDERS simulator numbers.
// Database: BENCH_DATABASE_URL (else TEST_DATABASE_URL, DATABASE_URL), in a scratch schema dropped
// afterwards; with none set, the embedded PostgreSQL (scripts/embedded-postgres.ts).
import os from "node:os";
import { startScratch } from "./scratch.ts";
import { serveAppJobs } from "./serve-jobs.ts";
import { BENCH_BATCH, sendBenchMessages, simulatorOrg } from "./simulator-org.ts";

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 50_000);
const SENDERS = Number(process.env.BENCH_SENDERS ?? 4);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 2);

const scratch = await startScratch("bench_pipeline");
const { admin, schema, dbUrl, executorUrl } = scratch;

// The app's modules read their configuration when first imported.
Object.assign(process.env, { DATABASE_URL: dbUrl, INNGEST_DEV: executorUrl, AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-secret-0123456789abcdef0123456789", NODE_ENV: "production" });
const { db } = await import("../../lib/db.ts").catch(scratch.abandon);
const app = await serveAppJobs().catch(scratch.abandon);

async function cleanup() {
  await app.close();
  await db.$disconnect();
  await scratch.cleanup();
}

const count = async (status: string) =>
  Number((await admin.query(`SELECT count(*) AS n FROM "${schema}"."Message" WHERE status = $1`, [status])).rows[0].n);

try {
  const org = await simulatorOrg(SENDERS);

  const started = performance.now();
  await sendBenchMessages(org, MESSAGES, CONCURRENCY);
  const allAcceptedAt = performance.now();
  for (;;) {
    const pending = (await count("QUEUED")) + (await count("SENDING"));
    if (pending === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const sentSeconds = (performance.now() - started) / 1000;
  const delivered = await count("DELIVERED");
  const result = {
    machine: `${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    database: scratch.database,
    messages: MESSAGES,
    senders: SENDERS,
    concurrency: CONCURRENCY,
    acceptedPerSecond: Math.round(MESSAGES / ((allAcceptedAt - started) / 1000)),
    sentPerSecond: Math.round(MESSAGES / sentSeconds),
    secondsToAllSent: Math.round(sentSeconds * 10) / 10,
    failed: await count("FAILED"),
    deliveredWhenAllSent: delivered,
  };
  console.log(JSON.stringify(result, null, 2));
  console.log(`\n| measure | value |\n|---|---|`);
  console.log(`| accepted (sendMessages, batches of ${BENCH_BATCH}, ${CONCURRENCY} callers) | ${result.acceptedPerSecond} messages/s |`);
  console.log(`| send to \`sent\` via the simulator (${MESSAGES} messages, ${SENDERS} senders, ${result.secondsToAllSent} s) | ${result.sentPerSecond} messages/s |`);
} finally {
  await cleanup();
}
