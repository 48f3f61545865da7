// The data of `npm run bench:segments` (scripts/bench/segments.ts), filled once into its own
// database and reused: one org of BENCH_CONTACTS contacts (NANP numbers over 28 area codes, some
// without a time zone, custom fields of every type with some missing, 0-3 of 8 tags, 6 lists,
// 12% opted out by keyword/api/ui, a consent history row per change) and BENCH_MESSAGES messages
// over the last 90 days (4 in 5 outbound with delivery statuses and carrier error codes to 70% of
// the contacts, 1 in 5 inbound replies from 20% of them). All set-based SQL: a fill takes minutes.
import pg from "pg";
import { createPrismaClient } from "../../lib/db/client.ts";
import { rebuildLastOutcomes } from "../../lib/messaging/last-outcome.ts";
import { bin, run } from "../run.ts";

export const ORG = "org_bench_segments";
export const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 1_000_000);
export const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 5_000_000);
export const LISTS = ["All customers", "Newsletter", "VIP", "Event 2026", "Wholesale", "Churned"] as const;
export const listId = (name: (typeof LISTS)[number]) => `lst_bench_${LISTS.indexOf(name)}`;
export const TAGS = ["vip", "newsletter", "customer", "lead", "event-2026", "churn-risk", "beta", "wholesale"] as const;

// Area code, time zone (null: derived from the number), as real numbers spread.
const AREA_CODES: [string, string][] = [
  ["212", "America/New_York"], ["646", "America/New_York"], ["718", "America/New_York"], ["617", "America/New_York"],
  ["305", "America/New_York"], ["407", "America/New_York"], ["404", "America/New_York"], ["213", "America/Los_Angeles"],
  ["310", "America/Los_Angeles"], ["415", "America/Los_Angeles"], ["619", "America/Los_Angeles"], ["206", "America/Los_Angeles"],
  ["503", "America/Los_Angeles"], ["702", "America/Los_Angeles"], ["312", "America/Chicago"], ["773", "America/Chicago"],
  ["713", "America/Chicago"], ["512", "America/Chicago"], ["214", "America/Chicago"], ["615", "America/Chicago"],
  ["602", "America/Phoenix"], ["303", "America/Denver"], ["907", "America/Anchorage"], ["808", "Pacific/Honolulu"],
  ["416", "America/Toronto"], ["604", "America/Vancouver"], ["514", "America/Toronto"], ["787", "America/Puerto_Rico"],
];

/** A database of a benchmark's own on the server BENCH_DATABASE_URL (or TEST_DATABASE_URL) names. */
export function benchUrl(database = "textstack_bench_segments"): string {
  const server = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!server) throw new Error("Set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server, e.g. postgresql://postgres@127.0.0.1:5432/postgres");
  const url = new URL(server);
  url.pathname = `/${database}`;
  return url.toString();
}

/** One statement of a fill, with its rows and time printed. */
export async function step(client: pg.Client, label: string, sql: string, params: unknown[] = []) {
  const started = Date.now();
  const result = await client.query(sql, params);
  console.log(`  ${label}: ${result.rowCount?.toLocaleString() ?? "-"} rows, ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function fill(client: pg.Client, url: string) {
  const acs = AREA_CODES.map(([ac]) => ac);
  const zones = AREA_CODES.map(([, tz]) => tz);
  // The database is this benchmark's own: emptying it is faster than a cascade of deletes.
  await client.query(`TRUNCATE "Organization" CASCADE`);
  await client.query(`INSERT INTO "Organization" (id, name, "accountSid", "updatedAt") VALUES ($1, 'Bench segments', 'ACbenchsegments', now())`, [ORG]);
  await client.query(
    `INSERT INTO "CustomFieldDefinition" (id, "orgId", key, label, type) VALUES
       ('cf_bench_points', $1, 'points', 'Points', 'NUMBER'), ('cf_bench_plan', $1, 'plan', 'Plan', 'TEXT'),
       ('cf_bench_birthday', $1, 'birthday', 'Birthday', 'DATE'), ('cf_bench_member', $1, 'member', 'Member', 'BOOLEAN')`,
    [ORG],
  );
  // Contact i: created i minutes after the first (ids and times in the same order), area code and
  // tags by multiplicative hashes of i so that neighbours differ.
  await step(
    client,
    "contacts",
    `INSERT INTO "Contact" (id, "orgId", phone, "firstName", "lastName", email, "timeZone", "customFields", tags,
                            "consentStatus", "optedInAt", "optedOutAt", "optOutSource", "createdAt", "updatedAt")
     SELECT 'ct_' || lpad(i::text, 24, '0'), $1, '+1' || ($2::text[])[1 + (i::bigint * 7919) % $4] || (2000000 + i)::text,
            (ARRAY['Ava','Liam','Noah','Emma','Mateo','Sofia','Yuki','Priya','Omar','Grace','José','Zoë'])[1 + i % 12],
            (ARRAY['Smith','Garcia','Nguyen','Kim','Brown','Rossi','Patel','Okafor','Silva','Cohen','Tanaka'])[1 + i % 11],
            CASE WHEN i % 7 = 0 THEN NULL ELSE 'user' || i || '@example.com' END,
            CASE WHEN i % 3 = 0 THEN NULL ELSE ($3::text[])[1 + (i::bigint * 7919) % $4] END,
            CASE WHEN i % 20 = 0 THEN '{}'::jsonb ELSE jsonb_strip_nulls(jsonb_build_object(
              'points', (i * 31) % 1000,
              'plan', (ARRAY['free','pro','team','enterprise'])[1 + (i * 13) % 4],
              'birthday', CASE WHEN i % 5 = 0 THEN NULL ELSE to_char(date '1960-01-01' + (i * 97) % 16000, 'YYYY-MM-DD') END,
              'member', CASE WHEN i % 4 = 0 THEN NULL ELSE i % 2 = 0 END)) END,
            ARRAY(SELECT t FROM unnest($5::text[], ARRAY[2, 6, 8, 4, 2, 1, 2, 1]) WITH ORDINALITY AS x(t, sixteenths, n)
                   WHERE ((i * 2654435761) >> (n * 4)::int) % 16 < sixteenths),
            CASE WHEN i % 25 < 3 THEN 'OPTED_OUT' ELSE 'OPTED_IN' END::"ConsentStatus",
            created.at,
            CASE WHEN i % 25 < 3 THEN created.at + ((i * 17) % 300) * interval '1 day' / 10 END,
            CASE WHEN i % 25 < 3 THEN (ARRAY['keyword:STOP','keyword:STOP','api','ui'])[1 + i % 4] END,
            created.at, created.at
     FROM generate_series(1, $6::int) AS i, LATERAL (SELECT now() - ($6::int - i) * interval '1 minute' AS at) AS created`,
    [ORG, acs, zones, AREA_CODES.length, TAGS, CONTACTS],
  );
  await step(
    client,
    "consent history",
    `INSERT INTO "ConsentEvent" (id, "orgId", "contactId", action, source, keyword, "occurredAt")
     SELECT 'cns_in_' || substr(id, 4), "orgId", id, 'OPT_IN'::"ConsentAction", (ARRAY['import','api','ui','keyword'])[1 + (substr(id, 4)::int) % 4], NULL, "createdAt"
       FROM "Contact" WHERE "orgId" = $1
     UNION ALL
     SELECT 'cns_out_' || substr(id, 4), "orgId", id, 'OPT_OUT'::"ConsentAction", split_part("optOutSource", ':', 1), nullif(split_part("optOutSource", ':', 2), ''), "optedOutAt"
       FROM "Contact" WHERE "orgId" = $1 AND "consentStatus" = 'OPTED_OUT'`,
    [ORG],
  );
  const lists = LISTS.map((name, n) => ({ id: `lst_bench_${n}`, name }));
  await client.query(
    `INSERT INTO "ContactList" (id, "orgId", name, "updatedAt") SELECT id, $1, name, now() FROM unnest($2::text[], $3::text[]) AS l(id, name)`,
    [ORG, lists.map((l) => l.id), lists.map((l) => l.name)],
  );
  // Share of the contacts in each list, in the order of LISTS (percent).
  await step(
    client,
    "list memberships",
    `INSERT INTO "ListMembership" ("listId", "contactId", "orgId", "addedAt")
     SELECT 'lst_bench_' || (l.n - 1), c.id, c."orgId", c."createdAt"
       FROM "Contact" c, unnest(ARRAY[50, 30, 5, 10, 2, 8]) WITH ORDINALITY AS l(pct, n)
      WHERE c."orgId" = $1 AND ((substr(c.id, 4)::bigint * 2654435761) >> (8 + l.n)::int) % 100 < l.pct`,
    [ORG],
  );
  // Message g: sent at an even pace over 90 days (ids in time order); every 5th is a reply from one
  // of 200k contacts, the rest go to one of 700k (x * 13 mod 1M spreads both sets over the table).
  await step(
    client,
    "messages",
    `INSERT INTO "Message" (id, "orgId", direction, status, "contactId", "from", "to", body, encoding, segments,
                            "errorCode", "createdAt", "updatedAt", "sentAt", "deliveredAt", "failedAt", "receivedAt")
     SELECT 'msg_' || lpad(g::text, 24, '0'), $1, m.direction::"MessageDirection", m.status::"MessageStatus", c.id,
            CASE WHEN m.direction = 'INBOUND' THEN c.phone ELSE '+18005550100' END,
            CASE WHEN m.direction = 'INBOUND' THEN '+18005550100' ELSE c.phone END,
            'Bench message', 'GSM-7', 1, m.code, m.at, m.at,
            CASE WHEN m.direction = 'OUTBOUND' AND m.status <> 'FAILED' THEN m.at END,
            CASE WHEN m.status = 'DELIVERED' THEN m.at + interval '3 seconds' END,
            CASE WHEN m.status IN ('FAILED', 'UNDELIVERED') THEN m.at + interval '3 seconds' END,
            CASE WHEN m.direction = 'INBOUND' THEN m.at END
       FROM generate_series(1, $2::int) AS g,
            LATERAL (SELECT
              CASE WHEN g % 5 = 0 THEN 'INBOUND' ELSE 'OUTBOUND' END AS direction,
              CASE WHEN g % 5 = 0 THEN 'RECEIVED' WHEN g % 97 < 80 THEN 'DELIVERED' WHEN g % 97 < 86 THEN 'SENT'
                   WHEN g % 97 < 92 THEN 'UNDELIVERED' WHEN g % 97 < 96 THEN 'FAILED' ELSE 'CANCELED' END AS status,
              CASE WHEN g % 5 <> 0 AND g % 97 BETWEEN 86 AND 95 THEN (ARRAY['30003','30005','30006','30007','30008'])[1 + (g / 5) % 5] END AS code,
              now() - interval '90 days' + g * (interval '90 days' / $2::int) AS at,
              1 + ((g::bigint * 7907) % CASE WHEN g % 5 = 0 THEN 200000 ELSE 700000 END * 13) % $3::int AS contact) AS m
       JOIN "Contact" c ON c.id = 'ct_' || lpad(m.contact::text, 24, '0')`,
    [ORG, MESSAGES, CONTACTS],
  );
  // Written past applyStatusChanges, so the contacts' last outcomes are too (as the seed does).
  const db = createPrismaClient(url, { max: 1, limits: { statementTimeoutMs: 0, idleInTransactionMs: 0 } });
  const started = Date.now();
  const outcomes = await rebuildLastOutcomes(db, ORG);
  console.log(`  last outcomes: ${outcomes.toLocaleString()} rows, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await db.$disconnect();
  // As a database in use would be: statistics, and the visibility map that index-only scans need.
  await step(client, "vacuum analyze", "VACUUM ANALYZE");
}

/** Creates, migrates and (when its counts differ from the wanted ones) fills the benchmark database. */
export async function prepareBenchDatabase(url: string) {
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: "/postgres" }).toString() });
  await admin.connect();
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = 'textstack_bench_segments'");
  if (exists.rowCount === 0) await admin.query("CREATE DATABASE textstack_bench_segments");
  await admin.end();
  await run(bin("prisma"), ["migrate", "deploy"], { ...process.env, DATABASE_URL: url });

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query(
    `SELECT (SELECT count(*) FROM "Contact" WHERE "orgId" = $1)::int AS contacts, (SELECT count(*) FROM "Message" WHERE "orgId" = $1)::int AS messages`,
    [ORG],
  );
  if (rows[0].contacts !== CONTACTS || rows[0].messages !== MESSAGES) {
    console.log(`Filling ${CONTACTS.toLocaleString()} contacts and ${MESSAGES.toLocaleString()} messages (once)...`);
    const started = Date.now();
    await fill(client, url);
    console.log(`Filled in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  await client.end();
}
