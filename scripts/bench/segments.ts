// `npm run bench:segments`: segment counts at 1M contacts and 5M messages, each timed through the
// domain's countSegment (the compiler's one statement, as the builder's live count and
// POST /segments/{id}/count run it) AND as hand-written SQL for the same question, in the same run,
// alternating, so both see the same machine. Prints p50/p95 per query and the ratio of the p50s,
// checks both give the same count. BENCH_EXPLAIN=1 prints each statement's plan instead (which indexes it uses).
// The data (scripts/bench/segments-fill.ts) is filled once into its own database and reused.
import os from "node:os";
import pg from "pg";
import { createPrismaClient } from "../../lib/db/client.ts";
import { Prisma } from "../../lib/generated/prisma/client.ts";
import { scopedDb } from "../../lib/db/scoped.ts";
import { poolOf } from "../../lib/db/sql.ts";
import type { OrgContext } from "../../lib/org-context.ts";
import { countSegment, SEGMENT_WORK_MEM, segmentCondition } from "../../lib/segments/evaluate-segment.ts";
import { benchUrl, CONTACTS, MESSAGES, ORG, prepareBenchDatabase } from "./segments-fill.ts";
import { SEGMENT_QUERIES } from "./segments-queries.ts";
import { percentile, time } from "./timing.ts";

const RUNS = Number(process.env.BENCH_RUNS ?? 11);

const url = benchUrl();
await prepareBenchDatabase(url);
const db = createPrismaClient(url, { max: 4 });
const ctx: OrgContext = { db: scopedDb(db, ORG), orgId: ORG, actor: { type: "SYSTEM", id: null, label: "bench" }, role: null };
// The hand-written SQL runs on the same pool as countSegment, so with the same session settings
// (random_page_cost 1.1, lib/db/client.ts): on a pool of its own, at the default 4, the planner
// took a parallel seq scan for "tags" where countSegment's session took a slower bitmap scan of
// the tags index (the two plans' costs are within 10%), which read as the compiler's 1.5-1.7x.
const raw = poolOf(db);
const now = new Date();

/** A statement on the raw pool, with the work_mem countSegment gives the same definition (the hand-written SQL and the plans). */
async function withWorkMem({ hashMemory }: (typeof SEGMENT_QUERIES)[number], text: string, values: unknown[]): Promise<pg.QueryResult> {
  if (!hashMemory) return raw.query(text, values);
  const client = await raw.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT set_config('work_mem', $1, true)", [SEGMENT_WORK_MEM]);
    const result = await client.query(text, values);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}

const rows: string[] = [];
const plans: string[] = [];
/** The plans of both statements (no timing): which indexes each uses. */
async function explain(query: (typeof SEGMENT_QUERIES)[number]) {
  const { definition } = query;
  const hand = query.sql(now);
  const statement = Prisma.sql`EXPLAIN (COSTS OFF) SELECT count(*) FROM "Contact" c WHERE c."orgId" = ${ORG} AND (${await segmentCondition(ctx, definition)})`;
  const plan = await withWorkMem(query, statement.text, statement.values);
  const handPlan = await withWorkMem(query, `EXPLAIN (COSTS OFF) ${hand.text}`, hand.values);
  const lines = (r: pg.QueryResult) => r.rows.map((row) => row["QUERY PLAN"]).join("\n");
  plans.push(`### ${query.label}\n\ncompiled:\n\`\`\`\n${lines(plan)}\n\`\`\`\nhand-written:\n\`\`\`\n${lines(handPlan)}\n\`\`\``);
}

async function measure(query: (typeof SEGMENT_QUERIES)[number]) {
  const { definition } = query;
  const hand = query.sql(now);
  const compiledSamples: number[] = [];
  const handSamples: number[] = [];
  let counts: [number, number] = [-1, -1];
  // One untimed run of each warms the caches and the plan; then they alternate.
  await countSegment(ctx, definition);
  await withWorkMem(query, hand.text, hand.values);
  for (let i = 0; i < RUNS; i++) {
    const [ms, n] = await time(() => countSegment(ctx, definition));
    compiledSamples.push(ms);
    const [handMs, result] = await time(() => withWorkMem(query, hand.text, hand.values));
    handSamples.push(handMs);
    counts = [Number(n), Number(result.rows[0].n)];
  }
  const c = [...compiledSamples].sort((a, b) => a - b);
  const h = [...handSamples].sort((a, b) => a - b);
  const same = counts[0] === counts[1] ? "" : ` (hand-written: ${counts[1].toLocaleString()}: DIFFERENT)`;
  rows.push(
    `| ${query.label} | ${counts[0].toLocaleString()}${same} | ${percentile(c, 50).toFixed(0)} | ${percentile(c, 95).toFixed(0)} | ${percentile(h, 50).toFixed(0)} | ${percentile(h, 95).toFixed(0)} | ${(percentile(c, 50) / percentile(h, 50)).toFixed(2)} |`,
  );
}

const load = () => os.loadavg().map((n) => n.toFixed(1)).join(" ");
const loadBefore = load();
for (const query of SEGMENT_QUERIES) {
  if (process.env.BENCH_EXPLAIN) {
    await explain(query);
    continue;
  }
  // A statement past the pool's statement_timeout (30 s) is a result too: the row says so.
  await measure(query).catch((error: Error) => rows.push(`| ${query.label} | failed: ${error.message.slice(0, 80)} | | | | | |`));
}

console.log(`\n${CONTACTS.toLocaleString()} contacts, ${MESSAGES.toLocaleString()} messages; ${os.cpus().length} cores (${os.cpus()[0]?.model}); PostgreSQL at ${new URL(url).host}; ${RUNS} runs each, ${now.toISOString()}; load average ${loadBefore} before, ${load()} after`);
console.log("| segment | count | countSegment p50 ms | p95 ms | hand-written p50 ms | p95 ms | ratio (p50) |\n|---|---|---|---|---|---|---|");
for (const row of rows) console.log(row);
if (plans.length > 0) console.log(`\n${plans.join("\n\n")}`);
await db.$disconnect();
