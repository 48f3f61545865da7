// `npm run bench:import`: a CSV import of BENCH_IMPORT_ROWS (default 1,000,000) contacts, each with a
// phone number, two names, an email, two tags and two custom fields, through the same domain calls
// the upload route, the procedures and the jobs make (upload, dry run, preview, chunks, clean-up),
// against a raw COPY of the same file into a bare table of text columns: the floor no import can
// beat. A scratch schema on BENCH_DATABASE_URL (else TEST_DATABASE_URL, DATABASE_URL, else the
// embedded PostgreSQL). Reports each phase and the ratio to the raw COPY.
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
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

async function time<T>(label: string, fn: () => Promise<T>, phases: [string, number][]): Promise<T> {
  const start = performance.now();
  const result = await fn();
  phases.push([label, performance.now() - start]);
  console.log(`  ${label}: ${((performance.now() - start) / 1000).toFixed(2)} s`);
  return result;
}

const file = path.join(dir, "contacts.csv");
try {
  console.log(`Writing ${ROWS.toLocaleString("en-US")} rows...`);
  await writeFile(file);
  const bytes = statSync(file).size;

  // The floor: the same file COPY'd into a bare table of text columns.
  const raw = new pg.Client({ connectionString: scratch.dbUrl.replace(/\?.*$/, "") });
  await raw.connect();
  await raw.query(`SET search_path TO "${scratch.schema}"`);
  await raw.query(`CREATE TABLE bare_import (phone text, first_name text, last_name text, email text, tags text, city text, score text)`);
  const rawStart = performance.now();
  await pipeline(createReadStream(file), raw.query(copyFrom(`COPY bare_import FROM STDIN (FORMAT csv, HEADER true)`)));
  const rawMs = performance.now() - rawStart;
  await raw.query("DROP TABLE bare_import");
  await raw.end();
  console.log(`Raw COPY into a bare table: ${(rawMs / 1000).toFixed(2)} s`);

  await scratch.admin.query(`SET search_path TO "${scratch.schema}", public`);
  await scratch.admin.query(`INSERT INTO "Organization" (id, name, "accountSid", "updatedAt") VALUES ($1, 'Bench', 'AC' || md5($1), now())`, [ORG]);
  await scratch.admin.query(
    `INSERT INTO "CustomFieldDefinition" (id, "orgId", key, label, type) VALUES ('cf_bench_city', $1, 'city', 'City', 'TEXT'), ('cf_bench_score', $1, 'score', 'Score', 'NUMBER')`,
    [ORG],
  );
  await scratch.admin.query(`INSERT INTO "ContactList" (id, "orgId", name, "updatedAt") VALUES ('lst_bench_import', $1, 'Imported', now())`, [ORG]);

  const db = createPrismaClient(scratch.dbUrl, { max: 4 });
  const ctx: OrgContext = { db: scopedDb(db, ORG), orgId: ORG, actor: { type: "SYSTEM", id: null, label: "bench" }, role: null };
  const phases: [string, number][] = [];
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
  const done = await getImport(ctx, id);
  if (done.result?.created !== ROWS) throw new Error(`expected ${ROWS} contacts, got ${JSON.stringify(done.result)}`);
  await db.$disconnect();

  console.log(`\n${ROWS.toLocaleString("en-US")} rows (${(bytes / 1024 / 1024).toFixed(1)} MB), ${os.cpus().length} cores (${os.cpus()[0]?.model}), ${scratch.database}, ${chunks + 1} chunks`);
  console.log("| phase | s |\n|---|---|");
  for (const [label, ms] of phases) console.log(`| ${label} | ${(ms / 1000).toFixed(2)} |`);
  console.log(`| **import, upload to completed** | **${(importMs / 1000).toFixed(2)}** |`);
  console.log(`| raw COPY of the file into a bare table | ${(rawMs / 1000).toFixed(2)} |`);
  console.log(`\nimport / raw COPY: ${(importMs / rawMs).toFixed(1)}x; ${Math.round(ROWS / (importMs / 1000)).toLocaleString("en-US")} rows/s`);
} finally {
  rmSync(dir, { recursive: true, force: true });
  await scratch.cleanup();
}
