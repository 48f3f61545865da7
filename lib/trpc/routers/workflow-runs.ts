import { cancelRun } from "@/lib/workflows/end-runs";
import { enrollAudience, enrollAudienceInput } from "@/lib/workflows/enroll-audience";
import { getVersion, versionIdInput } from "@/lib/workflows/get-version";
import { migrateRuns, migrateRunsInput } from "@/lib/workflows/migrate-runs";
import { runCounters, runCountersInput } from "@/lib/workflows/run-counters";
import { contactRuns, contactRunsInput, getRun, listRuns, listRunsInput, runIdInput } from "@/lib/workflows/run-history";
import { startTestRun, testRunInput } from "@/lib/workflows/test-run";
import { createTRPCRouter, orgProcedure } from "@/lib/trpc/init";

// Members run workflows as they send campaigns (campaigns.schedule and .cancel are a member's):
// enrol lists and segments, test, cancel a run, move waiting runs to a new version.
export const workflowRunsRouter = createTRPCRouter({
  enroll: orgProcedure.input(enrollAudienceInput).mutation(({ ctx, input }) => enrollAudience(ctx.org, input.workflowId, input)),
  testRun: orgProcedure.input(testRunInput).mutation(({ ctx, input }) => startTestRun(ctx.org, input)),
  cancel: orgProcedure.input(runIdInput).mutation(({ ctx, input }) => cancelRun(ctx.org, input.runId)),
  list: orgProcedure.input(listRunsInput).query(({ ctx, input }) => listRuns(ctx.org, input)),
  /** A run with the nodes it passed, in order, and the texts sent and received. */
  get: orgProcedure.input(runIdInput).query(({ ctx, input }) => getRun(ctx.org, input)),
  /** Per node of a version: entered, waiting now, completed and exited there (the canvas). */
  counters: orgProcedure.input(runCountersInput).query(({ ctx, input }) => runCounters(ctx.org, input)),
  /** A published version with its graph (the runs view's canvas, the migration's mapping). */
  version: orgProcedure.input(versionIdInput).query(({ ctx, input }) => getVersion(ctx.org, input)),
  byContact: orgProcedure.input(contactRunsInput).query(({ ctx, input }) => contactRuns(ctx.org, input)),
  migrate: orgProcedure.input(migrateRunsInput).mutation(({ ctx, input }) => migrateRuns(ctx.org, input.workflowId, input)),
});
