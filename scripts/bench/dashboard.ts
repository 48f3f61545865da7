// `npm run bench:dashboard`: the dashboard's reads at BENCH_MESSAGES (10M) messages of one org over
// 90 days, with the rollup built, each timed through the domain functions the page calls (median
// and p95 of BENCH_RUNS runs) beside the reference measured in the same run: the raw count(*) over
// Message for the same 90 days. Then the refresh job: a full rebuild (no watermark), and one minute
// of traffic (new messages and status moves of older ones) at BENCH_PER_MINUTE.
// The data is filled once, set-based, into its own database (textstack_bench_dashboard) and reused.
import os from "node:os";
import pg from "pg";
import { dashboardOverview } from "../../lib/analytics/dashboard-overview.ts";
import { lastDays } from "../../lib/analytics/dashboard-input.ts";
import { deliverability } from "../../lib/analytics/deliverability.ts";
import { deliverabilityAlerts } from "../../lib/analytics/deliverability-alerts.ts";
import { refreshMessageRollup } from "../../lib/analytics/refresh-message-rollup.ts";
import { topCampaigns } from "../../lib/analytics/top-campaigns.ts";
import { createPrismaClient } from "../../lib/db/client.ts";
import { scopedDb } from "../../lib/db/scoped.ts";
import type { OrgContext } from "../../lib/org-context.ts";
import { bin, run } from "../run.ts";
import { benchUrl, step } from "./segments-fill.ts";
import { percentile, time } from "./timing.ts";

const ORG = "org_bench_dashboard";
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 10_000_000);
const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 500_000);
const CAMPAIGNS = 60;
const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const PER_MINUTE = Number(process.env.BENCH_PER_MINUTE ?? 6_000);
const DAYS = 90;
const CHUNK = 1_000_000;

// Ids as lib/ids.ts makes them (prefix, 10 Crockford base32 characters of the time in ms, then 14
// more), so id ranges are time ranges here as in the app: the rollup reads a day along them.
const TIME_CHARS = Array.from({ length: 10 }, (_, i) => `substr('0123456789abcdefghjkmnpqrstvwxyz', ((ms >> ${5 * (9 - i)}) & 31)::int + 1, 1)`).join(" || ");
const ID_FUNCTION = `
  CREATE OR REPLACE FUNCTION pg_temp.bench_id(prefix text, at timestamp, n bigint) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT prefix || '_' || ${TIME_CHARS} || lpad(to_hex(n), 14, '0')
    FROM (SELECT floor(extract(epoch FROM at) * 1000)::bigint AS ms) t $$`;

async function fill(client: pg.Client, start: Date) {
  await client.query(`TRUNCATE "Organization", "AnalyticsWatermark" CASCADE`);
  await client.query(ID_FUNCTION);
  await client.query(`INSERT INTO "Organization" (id, name, "accountSid", "updatedAt") VALUES ($1, 'Bench dashboard', 'ACbenchdashboard', now())`, [ORG]);
  await client.query(`INSERT INTO "CarrierConnection" (id, "orgId", name, kind, "smsPriceMicros", "updatedAt") VALUES ('conn_bench', $1, 'Bench', 'SIMULATOR', 7900, now())`, [ORG]);
  await client.query(`INSERT INTO "SenderNumber" (id, "orgId", "connectionId", address) SELECT 'snd_bench_' || i, $1, 'conn_bench', '+1555000000' || i FROM generate_series(0, 2) i`, [ORG]);
  await client.query(
    `INSERT INTO "Campaign" (id, "orgId", name, status, body, audience, "senderIds", schedule, "updatedAt")
     SELECT 'cmp_bench_' || i, $1, 'Campaign ' || i, 'COMPLETED', 'x', '{}', ARRAY['snd_bench_0'], '{}', now() FROM generate_series(0, ${CAMPAIGNS - 1}) i`,
    [ORG],
  );
  const span = `interval '${DAYS * 2} days'`;
  await step(
    client,
    "contacts",
    `INSERT INTO "Contact" (id, "orgId", phone, source, "createdAt", "updatedAt")
     SELECT 'ct_bench_' || n, $1, '+1' || (2000000000 + n), (ARRAY['import','import','import','api','ui','inbound'])[1 + n % 6],
            $2::timestamp - ${span} + (n::float8 / $3) * ${span}, now()
     FROM generate_series(0, $3 - 1) n`,
    [ORG, start, CONTACTS],
  );
  for (let from = 0; from < MESSAGES; from += CHUNK) {
    const to = Math.min(MESSAGES, from + CHUNK);
    // One in ten inbound; outbound 93% delivered, 3% undelivered, 1.5% failed, the rest sent; 60% from
    // campaigns, 20% API, 10% the app, 1% keyword replies; three senders; five error codes.
    await step(
      client,
      `messages ${from.toLocaleString()}-${to.toLocaleString()}`,
      `INSERT INTO "Message" (id, "orgId", direction, status, "senderId", "contactId", "from", "to", body, encoding, segments, "priceMicros",
                              source, "campaignId", "errorCode", "createdAt", "updatedAt", "sentAt", "receivedAt")
       SELECT pg_temp.bench_id('msg', at, n), $1, dir::"MessageDirection", st::"MessageStatus", 'snd_bench_' || (n % 3), 'ct_bench_' || (n % ($4::bigint - 1)),
              '+15550000000', '+15550000001', 'x', 'GSM-7', 1 + (n % 7 = 0)::int, 7900 * (1 + (n % 7 = 0)::int),
              CASE WHEN dir = 'INBOUND' THEN NULL WHEN n % 100 = 19 THEN 'system' WHEN n % 10 < 7 THEN 'campaign' WHEN n % 10 < 9 THEN 'api' ELSE 'ui' END,
              CASE WHEN dir = 'OUTBOUND' AND n % 100 <> 19 AND n % 10 < 7 THEN 'cmp_bench_' || (n * ${CAMPAIGNS} / $5::bigint) END,
              CASE WHEN st IN ('FAILED', 'UNDELIVERED') THEN (ARRAY['30003','30005','30006','30007','30008'])[1 + n % 5] END,
              at, at, CASE WHEN dir = 'OUTBOUND' THEN at END, CASE WHEN dir = 'INBOUND' THEN at END
       FROM (
         SELECT n, $2::timestamp - interval '${DAYS} days' + (n::float8 / $5) * interval '${DAYS} days' AS at,
                CASE WHEN n % 10 = 0 THEN 'INBOUND' ELSE 'OUTBOUND' END AS dir,
                CASE WHEN n % 10 = 0 THEN 'RECEIVED' WHEN (n * 7919) % 1000 < 930 THEN 'DELIVERED' WHEN (n * 7919) % 1000 < 960 THEN 'UNDELIVERED'
                     WHEN (n * 7919) % 1000 < 975 THEN 'FAILED' ELSE 'SENT' END AS st
         FROM generate_series($3::bigint, $6::bigint - 1) n
       ) g`,
      [ORG, start, from, CONTACTS, MESSAGES, to],
    );
  }
  // Opt-outs: one inbound text in 50 is a STOP; clicks: one delivered campaign text in 20, a tenth by scanners.
  await step(
    client,
    "opt-outs",
    `INSERT INTO "ConsentEvent" (id, "orgId", "contactId", action, source, keyword, "messageId", "occurredAt")
     SELECT 'cns_' || substr(m.id, 5), $1, m."contactId", 'OPT_OUT', 'keyword', 'STOP', m.id, m."createdAt"
     FROM "Message" m WHERE m."orgId" = $1 AND m.direction = 'INBOUND' AND right(m.id, 2) IN ('00', '32', '64', '96')`,
    [ORG],
  );
  await client.query(`INSERT INTO "ShortLink" (id, "orgId", code, url, "campaignId") SELECT 'lnk_bench_' || i, $1, 'bench' || i, 'https://example.com', 'cmp_bench_' || i FROM generate_series(0, ${CAMPAIGNS - 1}) i`, [ORG]);
  await step(
    client,
    "clicks",
    `INSERT INTO "LinkClick" (id, "orgId", "linkId", "messageId", "contactId", "campaignId", "occurredAt", "botReason")
     SELECT 'clk_' || substr(m.id, 5), $1, 'lnk_' || substr(m."campaignId", 5), m.id, m."contactId", m."campaignId", m."createdAt" + interval '5 minutes',
            CASE WHEN right(m.id, 1) = '0' THEN 'preview' END
     FROM "Message" m WHERE m."orgId" = $1 AND m."campaignId" IS NOT NULL AND m.status = 'DELIVERED' AND right(m.id, 2) IN ('01', '15', '29', '43', '57', '6a', '7e', '92', 'a6', 'ba', 'ce', 'e2', 'f6')`,
    [ORG],
  );
  await step(client, "analyze", `ANALYZE`);
}

const url = benchUrl("textstack_bench_dashboard");
const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: "/postgres" }).toString() });
await admin.connect();
if ((await admin.query("SELECT 1 FROM pg_database WHERE datname = 'textstack_bench_dashboard'")).rowCount === 0) await admin.query("CREATE DATABASE textstack_bench_dashboard");
await admin.end();
await run(bin("prisma"), ["migrate", "deploy"], { ...process.env, DATABASE_URL: url });

const client = new pg.Client({ connectionString: url });
await client.connect();
const { rows: counts } = await client.query(`SELECT count(*)::int AS n FROM "Message" WHERE "orgId" = $1`, [ORG]);
const db = createPrismaClient(url, { max: 6 });
const now = new Date();
let rebuildSeconds: number | null = null;
if (counts[0].n !== MESSAGES) {
  console.log(`Filling ${MESSAGES.toLocaleString()} messages over ${DAYS} days and ${CONTACTS.toLocaleString()} contacts (once)...`);
  const started = Date.now();
  await fill(client, now);
  console.log(`Filled in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
// A full rebuild: no watermark, every org's days counted again.
await client.query(`DELETE FROM "AnalyticsWatermark"`);
{
  const [ms, result] = await time(() => refreshMessageRollup(db));
  rebuildSeconds = ms / 1000;
  console.log(`Full rebuild: ${result.days} days, ${result.rows.toLocaleString()} rollup rows, ${rebuildSeconds.toFixed(1)} s`);
}

const ctx: OrgContext = { db: scopedDb(db, ORG), orgId: ORG, actor: { type: "SYSTEM", id: null, label: "bench" }, role: null };
const p90 = lastDays(90, now);
const p7 = lastDays(7, now);
const rawCount = () => client.query(`SELECT count(*) FROM "Message" WHERE "orgId" = $1 AND "createdAt" >= $2`, [ORG, new Date(`${p90.from}T00:00:00Z`)]);
const QUERIES: [string, () => Promise<unknown>][] = [
  ["reference: raw count(*) over Message, 90 days", rawCount],
  ["overview, 90 days (and the 90 before)", () => dashboardOverview(ctx, p90)],
  ["overview, 7 days", () => dashboardOverview(ctx, p7)],
  ["deliverability, 90 days", () => deliverability(ctx, p90)],
  ["top campaigns, 90 days", () => topCampaigns(ctx, p90)],
  ["alerts (7 days)", () => deliverabilityAlerts(ctx, now)],
];
const samples = QUERIES.map(() => [] as number[]);
for (const [, fn] of QUERIES) await fn();
// Alternating, so every query sees the same machine.
for (let i = 0; i < RUNS; i++) {
  for (const [j, [, fn]] of QUERIES.entries()) samples[j]!.push((await time(fn))[0]);
}

// One minute of traffic: PER_MINUTE new messages now, and as many status moves (history rows) of
// yesterday's messages, then one refresh.
await client.query(ID_FUNCTION);
const idAt = async (sqlTime: string) => (await client.query(`SELECT pg_temp.bench_id('msg', ${sqlTime}, 0) AS id`)).rows[0].id as string;
const minuteStart = await idAt("now() AT TIME ZONE 'UTC' - interval '1 minute'");
await client.query(
  `INSERT INTO "Message" (id, "orgId", direction, status, "senderId", "contactId", "from", "to", body, encoding, segments, "priceMicros", source, "createdAt", "updatedAt")
   SELECT pg_temp.bench_id('msg', now() AT TIME ZONE 'UTC', 1000000000 + n), $1, 'OUTBOUND', 'QUEUED', 'snd_bench_0', 'ct_bench_' || n, '+15550000000', '+15550000001', 'minute', 'GSM-7', 1, 7900, 'api',
          now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
   FROM generate_series(1, $2) n`,
  [ORG, PER_MINUTE],
);
await client.query(
  `INSERT INTO "MessageEvent" (id, "orgId", "messageId", status, source, "occurredAt")
   SELECT pg_temp.bench_id('mev', now() AT TIME ZONE 'UTC', row_number() OVER ()), $1, m.id, 'DELIVERED', 'carrier', now() AT TIME ZONE 'UTC'
   FROM (SELECT id FROM "Message" WHERE "orgId" = $1 AND id < $2 ORDER BY id DESC LIMIT $3) m`,
  [ORG, await idAt("(now() - interval '1 day') AT TIME ZONE 'UTC'"), PER_MINUTE],
);
const [minuteMs, minute] = await time(() => refreshMessageRollup(db));
// The refresh after a quiet minute: nothing new since.
const [quietMs] = await time(() => refreshMessageRollup(db));

const load = os.loadavg().map((n) => n.toFixed(1)).join(" ");
console.log(`\n${MESSAGES.toLocaleString()} messages over ${DAYS} days, ${CONTACTS.toLocaleString()} contacts; ${os.cpus().length} cores (${os.cpus()[0]?.model}); PostgreSQL at ${new URL(url).host}; ${RUNS} runs each, ${now.toISOString()}; load average ${load}`);
console.log("| query | p50 ms | p95 ms |\n|---|---|---|");
for (const [j, [label]] of QUERIES.entries()) {
  const sorted = [...samples[j]!].sort((a, b) => a - b);
  console.log(`| ${label} | ${percentile(sorted, 50).toFixed(1)} | ${percentile(sorted, 95).toFixed(1)} |`);
}
console.log(`\nRefresh job: full rebuild ${rebuildSeconds.toFixed(1)} s; a minute of traffic (${PER_MINUTE.toLocaleString()} new messages, ${PER_MINUTE.toLocaleString()} moves of yesterday's): ${minute.days} days counted again in ${(minuteMs / 1000).toFixed(2)} s; a quiet minute ${(quietMs / 1000).toFixed(2)} s`);
// The minute's rows go, so the next run finds the fill as it was.
await client.query(`DELETE FROM "MessageEvent" WHERE "orgId" = $1`, [ORG]);
await client.query(`DELETE FROM "Message" WHERE "orgId" = $1 AND id >= $2 AND body = 'minute'`, [ORG, minuteStart]);
await client.end();
await db.$disconnect();
