// `npm run bench:campaign`: a campaign to BENCH_CONTACTS (default 1,000,000) contacts through the real
// pipeline, as `npm start` runs it: the embedded executor and the app (serving lib/jobs/functions.ts
// with the real SDK) each a process of their own, the simulator's 4 numbers as the campaign's pool.
// In one run, on one machine, against references measured in the same run:
// 1. audience resolved and recipients written: the fan-out's `start` step, timed by the executor
//    (JobStep), against a raw INSERT ... SELECT of the same number of Message rows and of the same
//    CampaignRecipient rows (each rolled back);
// 2. every message to `sent` through the simulator: recipients/s from the schedule to the last one
//    sent, against `npm run bench:pipeline` run by this script just before with as many messages
//    (its sent/s: from the first batch sent to the last message sent);
// 3. the database's growth per message (every table of the scratch schema, before and after);
// 4. a second campaign to the same contacts, with the app and the executor killed (SIGKILL) at about
//    half, both restarted: messages per recipient counted, 0 missing and 0 duplicated expected, and
//    messages submitted to the carrier more than once counted.
// Database: BENCH_DATABASE_URL (else TEST_DATABASE_URL, DATABASE_URL, else the embedded PostgreSQL),
// a scratch schema dropped afterwards. Contacts are in a zone where it is day (quiet hours would hold
// them otherwise) and 1% opted out (skipped).
import { spawn, type ChildProcess } from "node:child_process";
import os from "node:os";
import { zoneAwakeNow } from "../../tests/awake-zone.ts";
import { freePort, stopProcess, waitForHttp } from "../run.ts";
import { startScratch } from "./scratch.ts";
import { simulatorOrg } from "./simulator-org.ts";

const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 1_000_000);
const SENDERS = Number(process.env.BENCH_SENDERS ?? 4);
// As many as the campaign sends: both tables grow alike.
const PIPELINE_MESSAGES = Number(process.env.BENCH_PIPELINE_MESSAGES ?? CONTACTS);
const POLL_MS = 2_000;
const COUNT_MS = 10_000;

const log = (line: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
const seconds = (ms: number) => Math.round(ms / 100) / 10;
const load = () => os.loadavg()[0]!.toFixed(1);

/** `npm run bench:pipeline` as its own process (its own scratch schema and executor): its JSON report. */
async function pipelineReference(): Promise<{ sentPerSecond: number; acceptedPerSecond: number; secondsToAllSent: number }> {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/bench/pipeline.ts"], {
    env: { ...process.env, BENCH_MESSAGES: String(PIPELINE_MESSAGES), BENCH_SENDERS: String(SENDERS), BENCH_CONCURRENCY: "2" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout.on("data", (chunk) => (out += chunk));
  const code = await new Promise((resolve) => child.once("exit", resolve));
  const json = /^\{[\s\S]*?^\}/m.exec(out)?.[0];
  if (code !== 0 || !json) throw new Error(`bench:pipeline failed (${code}): ${out}`);
  return JSON.parse(json);
}

log(`bench:pipeline with ${PIPELINE_MESSAGES.toLocaleString()} messages, the reference (load ${load()})`);
const pipeline = await pipelineReference();
log(`bench:pipeline: ${pipeline.sentPerSecond} messages/s to sent`);

const scratch = await startScratch("bench_campaign");
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
const { createCampaign } = await import("../../lib/campaigns/manage-campaigns.ts");
const { scheduleCampaign } = await import("../../lib/campaigns/schedule-campaign.ts");
const { campaignCounts } = await import("../../lib/campaigns/campaign-progress.ts");

const appPort = await freePort();
/** The app: its job functions served on appPort, in a process of its own (killed in part 4). */
async function startApp(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/bench/jobs-app.ts"], {
    env: { ...process.env, BENCH_APP_PORT: String(appPort) },
    stdio: ["ignore", "inherit", "inherit"],
  });
  await waitForHttp(`http://127.0.0.1:${appPort}/api/inngest`, 60_000);
  return child;
}
let app = await startApp().catch(scratch.abandon);

async function cleanup() {
  await stopProcess(app, "SIGTERM");
  await db.$disconnect();
  await scratch.cleanup();
}

async function timed(label: string, sql: string, params: unknown[]) {
  const started = performance.now();
  await admin.query("BEGIN");
  try {
    const result = await admin.query(sql, params);
    const ms = performance.now() - started;
    log(`${label}: ${result.rowCount?.toLocaleString()} rows, ${seconds(ms)} s`);
    return ms;
  } finally {
    await admin.query("ROLLBACK");
  }
}

const schemaBytes = async () =>
  Number(
    (await admin.query(`SELECT sum(pg_total_relation_size(c.oid))::bigint AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = $1 AND c.relkind IN ('r', 'm')`, [schema])).rows[0].n,
  );

try {
  const org = await simulatorOrg(SENDERS);
  const orgId = org.ctx.orgId;
  // Every recipient texted twice within the hour (part 4): no cap of the org's own.
  await db.organization.update({ where: { id: orgId }, data: { marketingCapPer24h: null } });
  const list = await db.contactList.create({ data: { id: "lst_bench_campaign", orgId, name: "Everyone" } });
  const zone = zoneAwakeNow();
  log(`filling ${CONTACTS.toLocaleString()} contacts in ${zone} (load ${load()})`);
  const filled = performance.now();
  await admin.query(
    `INSERT INTO "Contact" (id, "orgId", phone, "firstName", "timeZone", "consentStatus", "optedOutAt", "optOutSource", "updatedAt")
     SELECT 'ct_bench_' || lpad(i::text, 8, '0'), $1, '+1' || (ARRAY['212','312','303','415','602'])[1 + i % 5] || (2000000 + i)::text,
            (ARRAY['Ava','Liam','Noah','Emma','Mateo','Sofia','Yuki','Priya','Omar','Grace'])[1 + i % 10], $2,
            CASE WHEN i % 100 = 0 THEN 'OPTED_OUT' ELSE 'OPTED_IN' END::"ConsentStatus",
            CASE WHEN i % 100 = 0 THEN now() END, CASE WHEN i % 100 = 0 THEN 'keyword:STOP' END, now()
     FROM generate_series(1, $3::int) AS i`,
    [orgId, zone, CONTACTS],
  );
  await admin.query(`INSERT INTO "ListMembership" ("listId", "contactId", "orgId") SELECT $1, id, $2 FROM "Contact" WHERE "orgId" = $2`, [list.id, orgId]);
  await admin.query(`VACUUM ANALYZE "Contact", "ListMembership"`);
  log(`filled in ${seconds(performance.now() - filled)} s`);

  const campaignInput = (name: string) => ({
    name,
    body: "Hi {{first_name|there}}, our winter sale starts now: 20% off everything until Sunday.",
    audience: { include: { listIds: [list.id], segmentIds: [] } },
    senderIds: org.senders.map((s) => s.id),
  });
  const first = await createCampaign(org.ctx, campaignInput("Winter sale"));

  // 1. The references: the same rows written by one raw statement each, rolled back.
  const audience = `FROM "Contact" c JOIN "ListMembership" m ON m."contactId" = c.id AND m."listId" = '${list.id}' WHERE c."orgId" = $1 AND c."consentStatus" = 'OPTED_IN'`;
  const rawMessages = await timed(
    "raw INSERT ... SELECT of the Message rows",
    `INSERT INTO "Message" (id, "orgId", direction, status, "senderId", "contactId", "from", "to", body, encoding, segments, "priceMicros", marketing, "updatedAt")
     SELECT 'msg_raw_' || c.id, c."orgId", 'OUTBOUND', 'QUEUED', $2, c.id, $3, c.phone, 'Hi ' || c."firstName" || ', our winter sale starts now: 20% off everything until Sunday.',
            'GSM-7', 1, 0, true, now() ${audience}`,
    [orgId, org.senders[0]!.id, org.senders[0]!.address],
  );
  const rawRecipients = await timed(
    "raw INSERT ... SELECT of the CampaignRecipient rows",
    `INSERT INTO "CampaignRecipient" ("campaignId", "contactId", "orgId", "senderId", "sendAt") SELECT $2, c.id, c."orgId", $3, now() ${audience}`,
    [orgId, first.id, org.senders[0]!.id],
  );
  // The references' rolled-back rows are dead weight in the tables and their indexes: gone before the campaign.
  await admin.query(`VACUUM ANALYZE "Message", "MessageEvent", "CampaignRecipient"`);
  await admin.query("CHECKPOINT");

  /**
   * Polls the campaign until every recipient's message is past `sending`: every POLL_MS whether any
   * is left (two EXISTS, each stopping at its first row along its partial index); every COUNT_MS how
   * many are done, for the log and `onPoll`. Counting at every poll read every recipient still
   * waiting (990,000 at first) and cost up to 1.3 s of a core every 2 s, taken from what it measures
   * (bench:pipeline, the reference, only counts once all are accepted).
   */
  async function untilAllSent(campaignId: string, onPoll?: (done: number, recipients: number) => Promise<void>) {
    let countedAt = -Infinity;
    for (;;) {
      const { status, recipients } = await db.campaign.findUniqueOrThrow({ where: { id: campaignId }, select: { status: true, recipients: true } });
      const started = status !== "SCHEDULED" && recipients !== null;
      const [left] = (
        await admin.query(
          `SELECT EXISTS (SELECT 1 FROM "CampaignRecipient" WHERE "campaignId" = $1 AND "messageId" IS NULL AND "skipReason" IS NULL)
               OR EXISTS (SELECT 1 FROM "Message" WHERE "campaignId" = $1 AND status IN ('SCHEDULED', 'QUEUED', 'SENDING')) AS any`,
          [campaignId],
        )
      ).rows;
      if (started && !left.any) return recipients;
      if (performance.now() - countedAt > COUNT_MS) {
        countedAt = performance.now();
        const [row] = (
          await admin.query(
            `SELECT (SELECT count(*) FROM "CampaignRecipient" WHERE "campaignId" = $1 AND "messageId" IS NULL AND "skipReason" IS NULL)::int AS waiting,
                    (SELECT count(*) FROM "Message" WHERE "campaignId" = $1 AND status IN ('SCHEDULED', 'QUEUED', 'SENDING'))::int AS pending`,
            [campaignId],
          )
        ).rows;
        const done = started ? recipients - row.waiting - row.pending : 0;
        log(`  ${done.toLocaleString()} of ${(recipients ?? 0).toLocaleString()} sent, ${row.pending.toLocaleString()} made and waiting (load ${load()})`);
        await onPoll?.(done, started ? recipients : 0);
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  // 2. The campaign, sent now.
  const bytesBefore = await schemaBytes();
  log(`campaign 1: scheduled (load ${load()})`);
  const scheduled = performance.now();
  await scheduleCampaign(org.ctx, { id: first.id });
  const recipients = await untilAllSent(first.id);
  const sentMs = performance.now() - scheduled;
  const { skipped } = await campaignCounts(db, orgId, first.id);
  /** The campaign's `start` step as the executor timed it: its audience resolved and written. */
  const startStepMs = async (campaignId: string) =>
    Number(
      (
        await admin.query(
          `SELECT extract(epoch FROM s."endedAt" - s."startedAt") * 1000 AS ms FROM "JobStep" s JOIN "JobRun" r ON r.id = s."runId"
           WHERE s.name = 'start' AND s.status = 'COMPLETED' AND r.events::text LIKE '%' || $1 || '%'`,
          [campaignId],
        )
      ).rows[0].ms,
    );
  const resolveMs = await startStepMs(first.id);
  const [steps] = (
    await admin.query(
      `SELECT count(*)::int AS n, percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM s."endedAt" - s."startedAt") * 1000) AS median_ms,
              extract(epoch FROM max(s."endedAt") - min(s."startedAt")) AS span_s
       FROM "JobStep" s JOIN "JobRun" r ON r.id = s."runId"
       WHERE s.name LIKE 'chunk-%' AND s.status = 'COMPLETED' AND r.events::text LIKE '%' || $1 || '%'`,
      [first.id],
    )
  ).rows;
  const bytesAfter = await schemaBytes();
  const sentPerSecond = recipients / (sentMs / 1000);
  log(`campaign 1: ${recipients.toLocaleString()} sent in ${seconds(sentMs)} s, resolved in ${seconds(resolveMs)} s`);

  // 4. The same again, with the app and the executor killed at about half.
  const second = await createCampaign(org.ctx, campaignInput("Winter sale, reminder"));
  log(`campaign 2: scheduled (load ${load()})`);
  await scheduleCampaign(org.ctx, { id: second.id });
  const kill = { at: null as number | null, restartMs: 0 };
  await untilAllSent(second.id, async (done, total) => {
    if (kill.at !== null || total === 0 || done < total / 2) return;
    kill.at = done;
    log(`campaign 2: kill -9 of the app and the executor at ${done.toLocaleString()} sent`);
    const restarting = performance.now();
    app.kill("SIGKILL");
    await scratch.restartExecutor("SIGKILL");
    await stopProcess(app, "SIGKILL");
    app = await startApp();
    kill.restartMs = performance.now() - restarting;
  });
  const completed = performance.now();
  for (;;) {
    const { status } = await db.campaign.findUniqueOrThrow({ where: { id: second.id }, select: { status: true } });
    if (status === "COMPLETED") break;
    if (performance.now() - completed > 180_000) throw new Error(`campaign 2 is ${status}, not completed, 3 minutes after its last message was sent`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  const [exactly] = (
    await admin.query(
      `SELECT count(*) FILTER (WHERE n = 0)::int AS missing, count(*) FILTER (WHERE n > 1)::int AS duplicated,
              count(*) FILTER (WHERE n = 1)::int AS once
       FROM (SELECT r."contactId", count(m.id) AS n FROM "CampaignRecipient" r
             LEFT JOIN "Message" m ON m."campaignId" = r."campaignId" AND m."contactId" = r."contactId"
             WHERE r."campaignId" = $1 AND r."skipReason" IS NULL GROUP BY 1) x`,
      [second.id],
    )
  ).rows;
  const [resubmitted] = (
    await admin.query(
      `SELECT count(*)::int AS n FROM (SELECT s."messageId" FROM "MessageSubmission" s JOIN "Message" m ON m.id = s."messageId"
       WHERE m."campaignId" = $1 GROUP BY 1 HAVING count(*) > 1) x`,
      [second.id],
    )
  ).rows;

  const result = {
    machine: `${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    database: scratch.database,
    contacts: CONTACTS,
    recipients,
    skipped,
    senders: SENDERS,
    resolveSeconds: seconds(resolveMs),
    rawMessageInsertSeconds: seconds(rawMessages),
    rawRecipientInsertSeconds: seconds(rawRecipients),
    resolveToRawMessages: Math.round((resolveMs / rawMessages) * 100) / 100,
    fanOut: { steps: steps.n, medianStepMs: Math.round(steps.median_ms), seconds: Math.round(steps.span_s * 10) / 10 },
    secondsToAllSent: seconds(sentMs),
    sentPerSecond: Math.round(sentPerSecond),
    pipelineSentPerSecond: pipeline.sentPerSecond,
    toPipeline: Math.round((sentPerSecond / pipeline.sentPerSecond) * 100) / 100,
    bytesPerMessage: Math.round((bytesAfter - bytesBefore) / recipients),
    // The second campaign's audience has a message each: the opt-out language's "first" and the states' caps read it.
    resolveWithHistorySeconds: seconds(await startStepMs(second.id)),
    killedAtSent: kill.at,
    restartSeconds: seconds(kill.restartMs),
    afterKill: { ...exactly, submittedMoreThanOnce: resubmitted.n },
  };
  console.log(JSON.stringify(result, null, 2));
  console.log(`\n| measure | value | reference in the same run | ratio |\n|---|---|---|---|`);
  console.log(`| audience resolved, ${recipients.toLocaleString()} recipients written (the \`start\` step) | ${result.resolveSeconds} s | raw INSERT ... SELECT of as many Message rows: ${result.rawMessageInsertSeconds} s (CampaignRecipient rows: ${result.rawRecipientInsertSeconds} s) | ${result.resolveToRawMessages}x |`);
  console.log(`| schedule to every message \`sent\` via the simulator | ${result.sentPerSecond} messages/s (${result.secondsToAllSent} s) | bench:pipeline, ${PIPELINE_MESSAGES.toLocaleString()} messages: ${pipeline.sentPerSecond} messages/s | ${result.toPipeline} |`);
  console.log(`| the same audience resolved again, each contact with a message now (campaign 2) | ${result.resolveWithHistorySeconds} s | | |`);
  console.log(`| database growth | ${result.bytesPerMessage} bytes/message | | |`);
  console.log(`| kill -9 of app and executor at ${kill.at?.toLocaleString()} sent | missing ${exactly.missing}, duplicated ${exactly.duplicated}, once ${exactly.once.toLocaleString()}; submitted to the carrier twice: ${resubmitted.n} | | |`);
} finally {
  await cleanup();
}
