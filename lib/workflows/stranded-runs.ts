// Runs that should be running and are not: active, not one step taken, five minutes after they were
// enrolled (the app died between the enrolment's commit and its events, or the executor refused
// them). Asking again is safe: run-workflow is idempotent per run for 24 hours, so a run whose
// execution is only slow (a queue of 10,000 enrolled at once) gets no second one; older ones are
// left alone for that reason. Across orgs (the unscoped client), as the campaigns' sweeper.
import type { Db } from "@/lib/db/client";

export const STRANDED_AFTER_MS = 5 * 60_000;
/** Within run-workflow's idempotency window (24 h), with room to spare. */
export const STRANDED_UNTIL_MS = 20 * 3_600_000;

export async function strandedRuns(db: Db, now = new Date()): Promise<{ orgId: string; runId: string }[]> {
  const runs = await db.workflowRun.findMany({
    where: { status: "ACTIVE", stepCount: 0, startedAt: { lt: new Date(now.getTime() - STRANDED_AFTER_MS), gt: new Date(now.getTime() - STRANDED_UNTIL_MS) } },
    select: { id: true, orgId: true },
    orderBy: { startedAt: "asc" },
    take: 5_000,
  });
  return runs.map((r) => ({ orgId: r.orgId, runId: r.id }));
}
