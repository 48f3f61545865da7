import { cancelJobRun, replayJobRun } from "@/lib/job-runs/control-job-run";
import { jobRunIdInput, listJobEventsInput, listJobRunsInput } from "@/lib/job-runs/job-runs-input";
import { getJobRun, listJobEvents, listJobFunctions, listJobRuns } from "@/lib/job-runs/list-job-runs";
import { notFound } from "@/lib/errors";
import { createTRPCRouter, instanceAdminProcedure } from "@/lib/trpc/init";

// Installation-wide, not org data: the embedded executor runs every org's jobs.
export const jobsRouter = createTRPCRouter({
  functions: instanceAdminProcedure.query(({ ctx }) => listJobFunctions(ctx.db)),
  runs: instanceAdminProcedure.input(listJobRunsInput).query(({ ctx, input }) => listJobRuns(ctx.db, input)),
  run: instanceAdminProcedure.input(jobRunIdInput).query(async ({ ctx, input }) => {
    const run = await getJobRun(ctx.db, input.runId);
    if (!run) throw notFound("Run", "runId");
    return run;
  }),
  events: instanceAdminProcedure.input(listJobEventsInput).query(({ ctx, input }) => listJobEvents(ctx.db, input)),
  cancel: instanceAdminProcedure.input(jobRunIdInput).mutation(({ input }) => cancelJobRun(input.runId)),
  replay: instanceAdminProcedure.input(jobRunIdInput).mutation(({ input }) => replayJobRun(input.runId)),
});
