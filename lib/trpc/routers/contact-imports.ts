import { cancelImport } from "@/lib/contacts/import/cancel-import";
import { getImport } from "@/lib/contacts/import/get-import";
import { importIdInput, stageImportInput, startImportInput } from "@/lib/contacts/import/import-input";
import { listActiveImports, listImports } from "@/lib/contacts/import/list-imports";
import { requestImportStaging } from "@/lib/contacts/import/request-import-staging";
import { startImport } from "@/lib/contacts/import/start-import";
import { createTRPCRouter, orgProcedure } from "@/lib/trpc/init";
import { z } from "zod";

// The upload itself is a route (app/api/contacts/imports/route.ts): a file streamed, not a procedure's JSON.
export const contactImportsRouter = createTRPCRouter({
  list: orgProcedure.input(z.void()).query(({ ctx }) => listImports(ctx.org)),
  active: orgProcedure.input(z.void()).query(({ ctx }) => listActiveImports(ctx.org)),
  get: orgProcedure.input(importIdInput).query(({ ctx, input }) => getImport(ctx.org, input.id)),
  stage: orgProcedure.input(stageImportInput).mutation(({ ctx, input }) => requestImportStaging(ctx.org, input)),
  start: orgProcedure.input(startImportInput).mutation(({ ctx, input }) => startImport(ctx.org, input)),
  cancel: orgProcedure.input(importIdInput).mutation(({ ctx, input }) => cancelImport(ctx.org, input)),
});
