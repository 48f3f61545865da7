// The workflow runs' safety net: every five minutes, a run enrolled and never started (its event
// lost) is asked for again (lib/workflows/stranded-runs.ts says why that is safe).
import { db } from "@/lib/db";
import { inngest } from "@/lib/events/client";
import { workflowRunRequested } from "@/lib/events/workflows";
import { strandedRuns } from "@/lib/workflows/stranded-runs";

export const sweepWorkflowRunsJob = inngest.createFunction(
  { id: "sweep-workflow-runs", name: "Workflow runs safety net", triggers: [{ cron: "*/5 * * * *" }], concurrency: { limit: 1 } },
  async ({ step }) => {
    const stranded = await step.run("find-stranded", () => strandedRuns(db));
    if (stranded.length > 0) await step.sendEvent("request", stranded.map((r) => workflowRunRequested.create(r)));
    return { stranded: stranded.length };
  },
);
