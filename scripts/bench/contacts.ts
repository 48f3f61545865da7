// `npm run bench:contacts`: server time of the contacts table's queries at 1M contacts.
// Fills a benchmark database (once; reused on later runs) with one org of BENCH_CONTACTS contacts,
// then times the same domain calls the tRPC procedures make: pages walked by cursor, a page deep
// in the table, search, tag and list filters, and the total count.
import os from "node:os";
import pg from "pg";
import { countContacts, listContacts } from "../../lib/contacts/list-contacts.ts";
import { createPrismaClient } from "../../lib/db/client.ts";
import { scopedDb } from "../../lib/db/scoped.ts";
import type { ListContactsInput } from "../../lib/contacts/contact-input.ts";
import type { OrgContext } from "../../lib/org-context.ts";
import { bin, run } from "../run.ts";
import { percentile, time } from "./timing.ts";

const TOTAL = Number(process.env.BENCH_CONTACTS ?? 1_000_000);
const ORG = "org_bench";
const LIST = "lst_bench";

function benchUrl(): string {
  const server = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!server) throw new Error("Set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server, e.g. postgresql://postgres@127.0.0.1:5432/postgres");
  const url = new URL(server);
  url.pathname = "/textstack_bench";
  return url.toString();
}

async function prepare(url: string) {
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: "/postgres" }).toString() });
  await admin.connect();
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = 'textstack_bench'");
  if (exists.rowCount === 0) await admin.query("CREATE DATABASE textstack_bench");
  await admin.end();
  await run(bin("prisma"), ["migrate", "deploy"], { ...process.env, DATABASE_URL: url });

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query(`SELECT count(*)::int AS n FROM "Contact" WHERE "orgId" = $1`, [ORG]);
  if (rows[0].n !== TOTAL) {
    console.log(`Filling ${TOTAL.toLocaleString()} contacts (once)...`);
    const started = Date.now();
    await client.query(`DELETE FROM "Organization" WHERE id = $1`, [ORG]);
    await client.query(`INSERT INTO "Organization" (id, name, "updatedAt") VALUES ($1, 'Bench', now())`, [ORG]);
    await client.query(`INSERT INTO "ContactList" (id, "orgId", name, "updatedAt") VALUES ($1, $2, 'Half', now())`, [LIST, ORG]);
    // Ids sort like real ones (time-ordered); names, tags and numbers vary so filters are selective.
    await client.query(
      `INSERT INTO "Contact" (id, "orgId", phone, "firstName", "lastName", email, "timeZone", tags, "updatedAt", "createdAt")
       SELECT 'ct_' || lpad(i::text, 24, '0'), $1, '+1' || (2000000000 + i)::text,
              (ARRAY['Ava','Liam','Noah','Emma','Mateo','Sofia','Yuki','Priya','Omar','Grace'])[1 + i % 10],
              (ARRAY['Smith','Garcia','Nguyen','Kim','Brown','Rossi','Patel','Okafor','Silva','Cohen','Tanaka'])[1 + i % 11] || (i % 997)::text,
              'user' || i || '@example.com', 'America/New_York',
              CASE WHEN i % 10 = 0 THEN ARRAY['vip'] WHEN i % 3 = 0 THEN ARRAY['newsletter'] ELSE ARRAY[]::text[] END,
              now(), now() - (i || ' seconds')::interval
       FROM generate_series(1, $2::int) AS i`,
      [ORG, TOTAL],
    );
    await client.query(
      `INSERT INTO "ListMembership" ("listId", "contactId", "orgId")
       SELECT $1, id, $2 FROM "Contact" WHERE "orgId" = $2 AND right(phone, 1) IN ('0','2','4','6','8')`,
      [LIST, ORG],
    );
    await client.query("ANALYZE");
    console.log(`Filled in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  await client.end();
}

const url = benchUrl();
await prepare(url);
const db = createPrismaClient(url, { max: 4 });
const ctx: OrgContext = { db: scopedDb(db, ORG), orgId: ORG, actor: { type: "SYSTEM", id: null, label: "bench" }, role: null };

async function walk(label: string, input: ListContactsInput, pages: number) {
  const samples: number[] = [];
  let cursor: string | undefined = input.cursor;
  for (let i = 0; i < pages; i++) {
    const [ms, page] = await time(() => listContacts(ctx, { ...input, cursor }));
    samples.push(ms);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return { label, samples };
}

await listContacts(ctx, {}); // warm the pool and the plan cache
const deepCursor = `ct_${String(Math.floor(TOTAL / 2)).padStart(24, "0")}`;
const results = [
  await walk("first 200 pages, 50 rows each", { limit: 50 }, 200),
  await walk("200 pages from the middle (cursor at 500,000th)", { limit: 50, cursor: deepCursor }, 200),
  await walk("search \"garcia\" (1 in 11 match), 50 pages", { limit: 50, search: "garcia" }, 50),
  await walk("search \"user4242\" (rare), 20 runs", { limit: 50, search: "user4242" }, 1).then(async (r) => {
    for (let i = 0; i < 19; i++) r.samples.push((await time(() => listContacts(ctx, { limit: 50, search: "user4242" })))[0]);
    return r;
  }),
  await walk("tag \"vip\", 50 pages", { limit: 50, tag: "vip" }, 50),
  await walk("list members (500k), 50 pages", { limit: 50, listId: LIST }, 50),
];
const counts: number[] = [];
for (let i = 0; i < 5; i++) counts.push((await time(() => countContacts(ctx, {})))[0]);
results.push({ label: "total count (all 1M), 5 runs", samples: counts });

console.log(`\n${TOTAL.toLocaleString()} contacts, ${os.cpus().length} cores (${os.cpus()[0]?.model}), PostgreSQL at ${new URL(url).host}`);
console.log("| query | runs | p50 ms | p95 ms | max ms |\n|---|---|---|---|---|");
for (const { label, samples } of results) {
  const sorted = [...samples].sort((a, b) => a - b);
  console.log(`| ${label} | ${sorted.length} | ${percentile(sorted, 50).toFixed(1)} | ${percentile(sorted, 95).toFixed(1)} | ${sorted.at(-1)!.toFixed(1)} |`);
}
await db.$disconnect();
