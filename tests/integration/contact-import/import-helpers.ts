// Driving an import through the domain functions, as the upload route, the procedures and the jobs
// do, without the job runner: upload, map, stage (the dry run), start, merge chunk by chunk.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { cleanUpImport } from "@/lib/contacts/import/clean-up-import";
import { getImport } from "@/lib/contacts/import/get-import";
import type { ColumnMapping, StartImportInput } from "@/lib/contacts/import/import-input";
import { importReport } from "@/lib/contacts/import/import-report";
import { mergeImportChunk, type MergeOptions } from "@/lib/contacts/import/merge-import-chunk";
import { prepareImport } from "@/lib/contacts/import/prepare-import";
import { requestImportStaging } from "@/lib/contacts/import/request-import-staging";
import { startImport } from "@/lib/contacts/import/start-import";
import { uploadImport } from "@/lib/contacts/import/upload-import";
import type { OrgContext } from "@/lib/org-context";

/** Call before the first use of lib/env.ts (at the top of a test file). */
export function setTempImportDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "textstack-imports-"));
  process.env.IMPORT_DIR = dir;
  return dir;
}

export async function upload(ctx: OrgContext, text: string | Buffer, name = "contacts.csv") {
  const bytes = typeof text === "string" ? Buffer.from(text) : text;
  // Several chunks, as a request body arrives.
  const parts = [bytes.subarray(0, 7), bytes.subarray(7)];
  return (await uploadImport(ctx, { name, body: Readable.from(parts) })).id;
}

/** Upload and dry run; `columns` defaults to the proposed mapping. */
export async function staged(ctx: OrgContext, text: string | Buffer, columns?: ColumnMapping[]) {
  const id = await upload(ctx, text);
  const view = await getImport(ctx, id);
  await requestImportStaging(ctx, { id, columns: columns ?? view.columns });
  const prepared = await prepareImport(ctx, id);
  if (prepared.status !== "READY") throw new Error(`staging ended ${prepared.status}`);
  return getImport(ctx, id);
}

export async function runToEnd(ctx: OrgContext, id: string, merge: MergeOptions = {}) {
  for (let i = 0; i < 10_000; i++) {
    const outcome = await mergeImportChunk(ctx, id, merge);
    if (outcome.done) {
      await cleanUpImport(ctx, id);
      return getImport(ctx, id);
    }
  }
  throw new Error("import did not finish");
}

export async function importCsv(
  ctx: OrgContext,
  text: string | Buffer,
  options: Partial<Omit<StartImportInput, "id">> & { columns?: ColumnMapping[]; merge?: MergeOptions } = {},
) {
  const view = await staged(ctx, text, options.columns);
  await startImport(ctx, { id: view.id, consentStatement: "Signed up at the store counter, paper form", ...options });
  return runToEnd(ctx, view.id, options.merge);
}

export async function reportRows(ctx: OrgContext, id: string): Promise<string[]> {
  const { stream } = await importReport(ctx, id);
  let text = "";
  for await (const chunk of stream) text += String(chunk);
  return text.trim().split("\n");
}
