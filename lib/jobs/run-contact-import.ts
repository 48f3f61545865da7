// A running import merged chunk by chunk (lib/contacts/import/merge-import-chunk.ts), one step per
// chunk. Where a run is lives in the import row, moved in each chunk's transaction: a step retried
// after a crash (before or after its commit) merges whatever chunk comes next, never one twice, and
// a canceled import stops at its next chunk. `makeRunContactImportJob` takes test hooks.
import { cleanUpImport } from "@/lib/contacts/import/clean-up-import";
import { failImport } from "@/lib/contacts/import/fail-import";
import { importJobContext } from "@/lib/contacts/import/import-job-context";
import { mergeImportChunk, type MergeOptions } from "@/lib/contacts/import/merge-import-chunk";
import { inngest } from "@/lib/events/client";
import { contactImportRunRequested } from "@/lib/events/contacts";

export interface RunImportOptions extends MergeOptions {
  /** Tests: runs in the step after its chunk has committed. */
  afterChunk?: (chunk: number) => Promise<void> | void;
}

export function makeRunContactImportJob(options: RunImportOptions = {}) {
  return inngest.createFunction(
    {
      id: "run-contact-import",
      name: "Run a contact import",
      triggers: [contactImportRunRequested],
      concurrency: [{ limit: 1, key: "event.data.importId" }],
      retries: 10,
      onFailure: async ({ event, error }) => {
        const { orgId, importId } = event.data.event.data as { orgId: string; importId: string };
        await failImport(importJobContext(orgId), importId, `The import stopped: ${error.message}`);
      },
    },
    async ({ event, step }) => {
      const { orgId, importId } = event.data;
      const ctx = importJobContext(orgId);
      let rowsDone = 0;
      for (let chunk = 0; ; chunk++) {
        const outcome = await step.run(`chunk-${chunk}`, async () => {
          const merged = await mergeImportChunk(ctx, importId, options);
          await options.afterChunk?.(chunk);
          return merged;
        });
        rowsDone = outcome.rowsDone;
        if (outcome.done) break;
      }
      await step.run("clean-up", () => cleanUpImport(ctx, importId));
      return { rowsDone };
    },
  );
}

export const runContactImportJob = makeRunContactImportJob();
