// The dry run of an import (lib/contacts/import/prepare-import.ts): one step, started over from the
// file when retried. One run at a time per import.
import { failImport } from "@/lib/contacts/import/fail-import";
import { importJobContext } from "@/lib/contacts/import/import-job-context";
import { prepareImport } from "@/lib/contacts/import/prepare-import";
import { inngest } from "@/lib/events/client";
import { contactImportStageRequested } from "@/lib/events/contacts";

export const stageContactImportJob = inngest.createFunction(
  {
    id: "stage-contact-import",
    name: "Check a contact import's file",
    triggers: [contactImportStageRequested],
    concurrency: [{ limit: 1, key: "event.data.importId" }],
    retries: 3,
    onFailure: async ({ event, error }) => {
      const { orgId, importId } = event.data.event.data as { orgId: string; importId: string };
      await failImport(importJobContext(orgId), importId, `Checking the file failed: ${error.message}`);
    },
  },
  async ({ event, step }) => {
    const { orgId, importId } = event.data;
    return step.run("stage", () => prepareImport(importJobContext(orgId), importId));
  },
);
