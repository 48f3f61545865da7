// segment_entered: a saved segment is evaluated at use (there is no membership to watch), so each
// workflow that waits for one keeps its own snapshot of who was in it (WorkflowSegmentMember) and,
// every few minutes (lib/jobs/check-segment-triggers.ts), compares: a contact in the segment now and
// not at the last check entered it. One statement per workflow, set-based: the segment's members
// now, those who left deleted from the snapshot, those who entered inserted and returned, so a
// contact who leaves and comes back enters again. The first check of a workflow (or of a new
// segment, after publishing a version with another one) only takes the snapshot: publishing must
// not enrol everyone already in the segment. A paused workflow's snapshot is kept current and
// announces nothing: resuming it enrols only who enters afterwards.
import type { Db } from "@/lib/db/client";
import { orgSqlTransaction } from "@/lib/db/sql";
import { announceTriggers } from "@/lib/events/announce-triggers";
import { logger } from "@/lib/log/logger";
import { giveSegmentMemory, segmentCondition } from "@/lib/segments/evaluate-segment";
import type { SegmentDefinitionInput } from "@/lib/segments/rule-model";
import { dropStaleSegmentSnapshots, triggerCheckWorkflows, type TriggerCheckWorkflow } from "@/lib/workflows/trigger-check-workflows";
import { workflowJobContext } from "@/lib/workflows/workflow-job-context";

const log = logger.child({ component: "workflows" });

export interface SegmentCheckResult {
  workflowId: string;
  /** First check of this segment: the snapshot taken, nobody announced. */
  snapshot: boolean;
  entered: number;
}

/** Every workflow waiting for a segment, checked; one failing (a segment it can no longer compile) does not stop the others. */
export async function checkSegmentTriggers(db: Db): Promise<SegmentCheckResult[]> {
  await dropStaleSegmentSnapshots(db);
  const results: SegmentCheckResult[] = [];
  for (const workflow of await triggerCheckWorkflows(db, "segment_entered")) {
    try {
      const result = await checkSegmentWorkflow(db, workflow);
      if (result) results.push(result);
    } catch (error) {
      log.error({ err: error, workflowId: workflow.workflowId }, "segment trigger check failed");
    }
  }
  return results;
}

async function checkSegmentWorkflow(db: Db, { workflowId, orgId, status, key: segmentId }: TriggerCheckWorkflow): Promise<SegmentCheckResult | null> {
  const ctx = workflowJobContext(orgId);
  const segment = await ctx.db.segment.findUnique({ where: { id: segmentId }, select: { definition: true } });
  if (!segment) {
    log.warn({ workflowId, segmentId }, "the segment of a segment_entered workflow no longer exists: not checked");
    return null;
  }
  const { where, hashMemory } = await segmentCondition(ctx, segment.definition as SegmentDefinitionInput);
  return orgSqlTransaction(ctx, async (tx) => {
    if (hashMemory) await giveSegmentMemory(tx);
    // The check row locked: two checks of one workflow (a cron run overlapping a slow one) take turns.
    const [check] = await tx.$queryRaw<{ segmentId: string }[]>`
      SELECT "segmentId" FROM "WorkflowSegmentCheck" WHERE "workflowId" = ${workflowId} AND "orgId" = ${orgId} FOR UPDATE`;
    const snapshot = check?.segmentId !== segmentId;
    if (snapshot) await tx.$executeRaw`DELETE FROM "WorkflowSegmentMember" WHERE "workflowId" = ${workflowId} AND "orgId" = ${orgId}`;
    const entered = await tx.$queryRaw<{ contactId: string }[]>`
      WITH now_in AS MATERIALIZED (SELECT c.id FROM "Contact" c WHERE c."orgId" = ${orgId} AND ${where}),
      gone AS (
        DELETE FROM "WorkflowSegmentMember" m
        WHERE m."workflowId" = ${workflowId} AND m."orgId" = ${orgId} AND NOT EXISTS (SELECT 1 FROM now_in WHERE now_in.id = m."contactId")
      ),
      added AS (
        INSERT INTO "WorkflowSegmentMember" ("workflowId", "contactId", "orgId")
        SELECT ${workflowId}, id, ${orgId} FROM now_in
        ON CONFLICT DO NOTHING
        RETURNING "contactId"
      )
      SELECT "contactId" FROM added WHERE ${!snapshot}::boolean`; // a data-modifying WITH runs to completion, read or not
    await tx.$executeRaw`
      INSERT INTO "WorkflowSegmentCheck" ("workflowId", "orgId", "segmentId", "checkedAt")
      VALUES (${workflowId}, ${orgId}, ${segmentId}, now() AT TIME ZONE 'UTC')
      ON CONFLICT ("workflowId") DO UPDATE SET "segmentId" = EXCLUDED."segmentId", "checkedAt" = EXCLUDED."checkedAt"`;
    const contactIds = entered.map((r) => r.contactId);
    if (!snapshot && status === "ACTIVE") {
      await announceTriggers(tx, [{ orgId, kind: "segment_entered", key: segmentId, contactIds, data: { segmentId }, workflowId }]);
    }
    return { workflowId, snapshot, entered: status === "ACTIVE" ? contactIds.length : 0 };
  });
}
