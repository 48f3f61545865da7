// `npm run bench:import`: a CSV import of BENCH_IMPORT_ROWS (default 1,000,000) contacts, each with a
// phone number, two names, an email, two tags and two custom fields, through the same domain calls
// the upload route, the procedures and the jobs make (upload, dry run, preview, chunks, clean-up),
// against a raw COPY of the same file into a bare table of text columns: the floor no import can
// beat. A scratch schema on BENCH_DATABASE_URL (else TEST_DATABASE_URL, DATABASE_URL, else the
// embedded PostgreSQL). Reports each phase and the ratio to the raw COPY, each with the CPU seconds
// it took in this process and in the database's server processes: on a shared machine the wall time
// is what the others left us, the CPU time the work itself.
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { startScratch } from "./scratch.ts";

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
const ORG = "org_bench_import";

const dir = mkdtempSync(path.join(os.tmpdir(), "bench-import-"));
const scratch = await startScratch("bench_import");
// The domain reads its environment on first use: the scratch schema, a private import folder, and an
// event target that answers at once (events are not sent here: each step is called directly).
Object.assign(process.env, { DATABASE_URL: scratch.dbUrl, IMPORT_DIR: path.join(dir, "imports"), INNGEST_DEV: "http://127.0.0.1:9", SKIP_ENV_VALIDATION: "1", LOG_LEVEL: "error" });

const { createPrismaClient } = await import("../../lib/db/client.ts");
const { scopedDb } = await import("../../lib/db/scoped.ts");
const { normalizePhone } = await import("../../lib/sms/phone.ts");
const { uploadImport } = await import("../../lib/contacts/import/upload-import.ts");
const { getImport } = await import("../../lib/contacts/import/get-import.ts");
const { requestImportStaging } = await import("../../lib/contacts/import/request-import-staging.ts");
const { stageImport } = await import("../../lib/contacts/import/stage-import.ts");
const { computeImportPreview } = await import("../../lib/contacts/import/import-preview.ts");
const { startImport } = await import("../../lib/contacts/import/start-import.ts");
const { mergeImportChunk } = await import("../../lib/contacts/import/merge-import-chunk.ts");
const { cleanUpImport } = await import("../../lib/contacts/import/clean-up-import.ts");
type OrgContext = import("../../lib/org-context.ts").OrgContext;

const FIRST = ["Ava", "Liam", "Noah", "Emma", "Mateo", "Sofia", "Yuki", "Priya", "Omar", "Grace"];
const LAST = ["Smith", "Garcia", "Nguyen", "Kim", "Brown", "Rossi", "Patel", "Okafor", "Silva", "Cohen", "Tanaka"];
const TAGS = ["vip", "newsletter", "spring-fair", "wholesale", "returning"];
const CITIES = ["Austin", "Boston", "Chicago", "Denver", "Seattle", "Miami", "Portland", "Atlanta"];
const AREA_CODES = ["212", "646", "415", "312", "617", "202", "305", "713", "206", "503", "404", "512", "303", "702", "615"];

async function writeFile(file: string) {
  const out = createWriteStream(file);
  out.write("Phone,First Name,Last Name,Email,Tags,City,Score\n");
  let written = 0;
  let n = 0;
  let buffer = "";
  while (written < ROWS) {
    n++;
    const area = AREA_CODES[n % AREA_CODES.length]!;
    const rest = String(2_000_000 + Math.floor(n / AREA_CODES.length) * 7).padStart(7, "0");
    const phone = `+1${area}${rest}`;
    if (!normalizePhone(phone, "US").ok) continue;
    const first = FIRST[written % FIRST.length]!;
    const last = LAST[written % LAST.length]!;
    buffer += `${phone},${first},${last},${first.toLowerCase()}.${last.toLowerCase()}${written}@example.com,"${TAGS[written % 5]},${TAGS[(written + 2) % 5]}",${CITIES[written % CITIES.length]},${written % 1000}\n`;
    written++;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
      buffer = "";
    }
  }
  out.end(buffer);
  await new Promise<void>((resolve) => out.once("finish", () => resolve()));
}

// The CPU seconds of the server processes of the scratch database (backends, autovacuum), read
// from /proc, so only when the server runs on this machine (else null). Sampled every 200 ms and
// kept per process: a connection that closes during a phase still counts up to its last sample.
const TICKS = 100;
const serverCpu = new Map<number, number>();
const procStat = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null;
  }
};
const { rows: [own] } = await scratch.admin.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
const serverVisible = procStat(own!.pid)?.includes("(postgres)") ?? false;
async function sampleServerCpu(): Promise<void> {
  if (!serverVisible) return;
  const { rows } = await scratch.admin.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`);
  for (const { pid } of rows) {
    // Gone since the query: its last sample stands.
    const fields = procStat(pid)?.replace(/^.*\) /, "").split(" ");
    if (fields) serverCpu.set(pid, (Number(fields[11]) + Number(fields[12])) / TICKS);
  }
}
function cpuNow() {
  const { user, system } = process.cpuUsage();
  return { node: (user + system) / 1e6, server: new Map(serverCpu) };
}
function cpuSince(start: ReturnType<typeof cpuNow>) {
  const now = cpuNow();
  let server = 0;
  for (const [pid, seconds] of now.server) server += seconds - (start.server.get(pid) ?? 0);
  return { node: now.node - start.node, server: serverVisible ? server : null };
}

interface Phase {
  label: string;
  ms: number;
  cpu: ReturnType<typeof cpuSince>;
}

async function time<T>(label: string, fn: () => Promise<T>, phases: Phase[]): Promise<T> {
  await sampleServerCpu();
  const cpu = cpuNow();
  const start = performance.now();
  const result = await fn();
  await sampleServerCpu();
  phases.push({ label, ms: performance.now() - start, cpu: cpuSince(cpu) });
  console.log(`  ${label}: ${((performance.now() - start) / 1000).toFixed(2)} s`);
  return result;
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);
const cpuCells = ({ node, server }: Phase["cpu"]) => `${node.toFixed(2)} | ${server === null ? "–" : server.toFixed(2)}`;

const file = path.join(dir, "contacts.csv");
const loadAtStart = os.loadavg()[0]!.toFixed(2);
try {
  console.log(`Writing ${ROWS.toLocaleString("en-US")} rows...`);
  await writeFile(file);
  const bytes = statSync(file).size;

  // The floor: the same file COPY'd into a bare table of text columns.
  const raw = new pg.Client({ connectionString: scratch.dbUrl.replace(/\?.*$/, "") });
  await raw.connect();
  await raw.query(`SET search_path TO "${scratch.schema}"`);
  await raw.query(`CREATE TABLE bare_import (phone text, first_name text, last_name text, email text, tags text, city text, score text)`);
  const sampler = setInterval(() => void sampleServerCpu().catch(() => {}), 200);
  const rawPhase: Phase[] = [];
  await time("raw COPY of the file into a bare table", () => pipeline(createReadStream(file), raw.query(copyFrom(`COPY bare_import FROM STDIN (FORMAT csv, HEADER true)`))), rawPhase);
  await raw.query("DROP TABLE bare_import");
  await raw.end();

  await scratch.admin.query(`SET search_path TO "${scratch.schema}", public`);
  await scratch.admin.query(`INSERT INTO "Organization" (id, name, "accountSid", "updatedAt") VALUES ($1, 'Bench', 'AC' || md5($1), now())`, [ORG]);
  await scratch.admin.query(
    `INSERT INTO "CustomFieldDefinition" (id, "orgId", key, label, type) VALUES ('cf_bench_city', $1, 'city', 'City', 'TEXT'), ('cf_bench_score', $1, 'score', 'Score', 'NUMBER')`,
    [ORG],
  );
  await scratch.admin.query(`INSERT INTO "ContactList" (id, "orgId", name, "updatedAt") VALUES ('lst_bench_import', $1, 'Imported', now())`, [ORG]);

  const db = createPrismaClient(scratch.dbUrl, { max: 4 });
  const ctx: OrgContext = { db: scopedDb(db, ORG), orgId: ORG, actor: { type: "SYSTEM", id: null, label: "bench" }, role: null };
  const phases: Phase[] = [];
  console.log("Import:");
  const total = performance.now();
  const { id } = await time("upload (streamed to the import folder)", () => uploadImport(ctx, { name: "contacts.csv", body: createReadStream(file) }), phases);
  const view = await getImport(ctx, id);
  await requestImportStaging(ctx, { id, columns: view.columns });
  await time("dry run: parse, normalise, COPY to staging, duplicates", () => stageImport(ctx, id), phases);
  const preview = await time("dry run: counts over the whole file", () => computeImportPreview(ctx, id), phases);
  await ctx.db.contactImport.update({ where: { id }, data: { status: "READY", rowsTotal: preview.rows } });
  await startImport(ctx, { id, listId: "lst_bench_import", tags: ["bench"], consentStatement: "Benchmark rows, opted in on a web form" });
  let chunks = 0;
  await time(
    "run: chunks merged into contacts (consent rows, list)",
    async () => {
      while (!(await mergeImportChunk(ctx, id)).done) chunks++;
    },
    phases,
  );
  const importMs = performance.now() - total;
  await time("clean-up (file, imported staging rows)", () => cleanUpImport(ctx, id), phases);
  clearInterval(sampler);
  const done = await getImport(ctx, id);
  if (done.result?.created !== ROWS) throw new Error(`expected ${ROWS} contacts, got ${JSON.stringify(done.result)}`);
  await db.$disconnect();

  const sum = (list: Phase[]) => ({ node: list.reduce((n, p) => n + p.cpu.node, 0), server: serverVisible ? list.reduce((n, p) => n + p.cpu.server!, 0) : null });
  const imported = phases.slice(0, -1);
  const rawMs = rawPhase[0]!.ms;
  console.log(`\n${ROWS.toLocaleString("en-US")} rows (${(bytes / 1024 / 1024).toFixed(1)} MB), ${os.cpus().length} cores (${os.cpus()[0]?.model}), ${scratch.database}, ${chunks + 1} chunks; load average ${loadAtStart} at the start, ${os.loadavg()[0]!.toFixed(2)} at the end`);
  console.log("| phase | wall s | CPU s, Node | CPU s, PostgreSQL |\n|---|---|---|---|");
  for (const phase of phases) console.log(`| ${phase.label} | ${seconds(phase.ms)} | ${cpuCells(phase.cpu)} |`);
  console.log(`| **import, upload to completed** | **${seconds(importMs)}** | ${cpuCells(sum(imported))} |`);
  console.log(`| raw COPY of the file into a bare table | ${seconds(rawMs)} | ${cpuCells(rawPhase[0]!.cpu)} |`);
  console.log(`\nimport / raw COPY: ${(importMs / rawMs).toFixed(1)}x; ${Math.round(ROWS / (importMs / 1000)).toLocaleString("en-US")} rows/s`);
} finally {
  rmSync(dir, { recursive: true, force: true });
  await scratch.cleanup();
}
