// A run whose step kept failing after its retries (the job's onFailure): FAILED with the error, so
// the run history says why and the canvas's counters stop counting it as waiting.
import type { OrgContext } from "@/lib/org-context";
import { finishRun } from "@/lib/workflows/finish-run";

export async function failRun(ctx: OrgContext, runId: string, message: string): Promise<void> {
  await ctx.db.$transaction((tx) => finishRun(tx, ctx.orgId, runId, "FAILED", `error: ${message}`));
}
