// An import through the real Inngest SDK and the executor: the dry run and the run as the app's
// functions, requested by the procedures' events. A run whose steps die (after a chunk committed,
// and inside a chunk's transaction) is retried by the executor and ends with every row once.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { setupAppHarness, waitUntil } from "../jobs/harness";

// Not through import-helpers.ts: it imports the app's modules, which must wait for the harness.
process.env.IMPORT_DIR = mkdtempSync(path.join(tmpdir(), "textstack-imports-"));
const h = await setupAppHarness();
// Imported only now: the app's Inngest client and db read the environment when they are made.
const { stageContactImportJob } = await import("@/lib/jobs/stage-contact-import");
const { makeRunContactImportJob } = await import("@/lib/jobs/run-contact-import");
const { createOrgWithOwner, orgContextFor } = await import("../helpers/factories");
const { upload } = await import("./import-helpers");
const { getImport } = await import("@/lib/contacts/import/get-import");
const { requestImportStaging } = await import("@/lib/contacts/import/request-import-staging");
const { startImport } = await import("@/lib/contacts/import/start-import");

// Dies once after chunk 1 committed (the step's result never recorded), and once inside chunk 3's
// transaction after its merge statements (rolled back): both retried by the executor.
const crashes = { afterChunk: false, inChunk: false };
let chunkCalls = 0;
// Set by the last test: every chunk dies, until the run's retries are spent.
let failEverything = false;
await h.serve([
  stageContactImportJob,
  makeRunContactImportJob({
    chunkLines: 4,
    afterChunk: (chunk) => {
      if (chunk === 1 && !crashes.afterChunk) {
        crashes.afterChunk = true;
        throw new Error("killed after commit");
      }
    },
    beforeProgress: () => {
      if (failEverything) throw new Error("the database is gone");
      if (++chunkCalls === 4 && !crashes.inChunk) {
        crashes.inChunk = true;
        throw new Error("killed inside the transaction");
      }
    },
  }),
]);
const db = h.database.db;

describe("an import through the job runner", () => {
  it("checks the file, runs in chunks, survives dying steps, and imports every row exactly once", { timeout: 120_000 }, async () => {
    const { org, owner } = await createOrgWithOwner(db);
    const ctx = await orgContextFor(db, owner, org.id);
    const lines = ["phone,first"];
    for (let i = 0; i < 30; i++) lines.push(`+1212736${String(4000 + i)},N${i}`);
    lines.push("+12127364000,again", "nope,bad");
    const id = await upload(ctx, lines.join("\n"));
    const view = await getImport(ctx, id);
    await requestImportStaging(ctx, { id, columns: view.columns });
    const ready = await waitUntil(async () => {
      const v = await getImport(ctx, id);
      return v.status === "READY" && v;
    }, 30_000, "the dry run");
    expect(ready.preview).toMatchObject({ rows: 32, new: 30, duplicates: 1, invalid: 1 });

    await startImport(ctx, { id, consentStatement: "Opted in at checkout, online store" });
    const done = await waitUntil(async () => {
      const v = await getImport(ctx, id);
      return v.status === "COMPLETED" && v;
    }, 60_000, "the run");
    expect(crashes).toEqual({ afterChunk: true, inChunk: true });
    expect(done.result).toEqual({ created: 30, updated: 0, skipped: 0, optedOut: 0, duplicates: 1, invalid: 1 });
    expect(done.rowsDone).toBe(32);
    expect(await db.contact.count({ where: { orgId: org.id } })).toBe(30);
    expect(await db.consentEvent.count({ where: { orgId: org.id, importId: id } })).toBe(30);
    const [run] = await h.waitForRuns("run-contact-import", 1);
    expect(run!.status).toBe("COMPLETED");
    // Cleaned up: the imported rows leave the staging table, the bad ones stay for the report.
    await waitUntil(async () => (await db.contactImportRow.count({ where: { importId: id } })) === 2, 15_000, "clean-up");
  });

  it("marks an import FAILED, with the reason, once its run has spent its retries", { timeout: 120_000 }, async () => {
    const { org, owner } = await createOrgWithOwner(db);
    const ctx = await orgContextFor(db, owner, org.id);
    const id = await upload(ctx, "phone\n+12127365000\n+12127365001\n");
    await requestImportStaging(ctx, { id, columns: [{ target: "phone" }] });
    await waitUntil(async () => (await getImport(ctx, id)).status === "READY", 30_000, "the dry run");
    failEverything = true;
    await startImport(ctx, { id, consentStatement: "Opted in at checkout, online store" });
    const failed = await waitUntil(async () => {
      const v = await getImport(ctx, id);
      return v.status === "FAILED" && v;
    }, 90_000, "the run to fail");
    expect(failed.error).toMatch(/^The import stopped: .*the database is gone/);
    expect(await db.contact.count({ where: { orgId: org.id } })).toBe(0);
  });
});
