// The workflows whose own checks find their contacts (segment entered, date anniversaries), across
// every org, for the crons in lib/jobs/: one indexed read of the published versions' trigger
// columns. Cross-org by design, hence systemSql (eslint.config.mjs SYSTEM_SQL_FILES); each
// workflow is then checked in its own org (check-segment-triggers.ts, check-anniversary-triggers.ts).
import type { Db } from "@/lib/db/client";
import { systemSql } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import type { WorkflowStatus } from "@/lib/generated/prisma/enums";

export interface TriggerCheckWorkflow {
  workflowId: string;
  orgId: string;
  status: WorkflowStatus;
  /** WorkflowVersion.triggerKey: the segment id, or the date field. */
  key: string;
  /** The published version's graph (its trigger node holds the anniversary's time). */
  graph: unknown;
}

/**
 * Published workflows (active, or paused: a paused segment workflow keeps its snapshot current so
 * that resuming it enrols only those who enter afterwards) whose trigger is `kind`.
 */
export async function triggerCheckWorkflows(db: Db, kind: "segment_entered" | "date_anniversary"): Promise<TriggerCheckWorkflow[]> {
  return systemSql(db).$queryRaw<TriggerCheckWorkflow[]>`
    SELECT w.id AS "workflowId", w."orgId", w.status::text AS status, v."triggerKey" AS key, v.graph
    FROM "Workflow" w JOIN "WorkflowVersion" v ON v.id = w."publishedVersionId" AND v."orgId" = w."orgId"
    WHERE w.status IN ('ACTIVE', 'PAUSED') AND v."triggerKind" = ${kind} AND v."triggerKey" IS NOT NULL
    ORDER BY w.id`;
}

const liveSegmentWorkflow = Prisma.sql`
  SELECT 1 FROM "Workflow" w JOIN "WorkflowVersion" v ON v.id = w."publishedVersionId"
  WHERE w.status IN ('ACTIVE', 'PAUSED') AND v."triggerKind" = 'segment_entered'`;

/**
 * Snapshots of workflows that no longer wait for a segment (another trigger now, or unpublished):
 * dropped. Found by their check rows (a snapshot is written with its check row, in one transaction),
 * so the members are deleted along their primary key, not by scanning every snapshot.
 */
export async function dropStaleSegmentSnapshots(db: Db): Promise<void> {
  await systemSql(db).$executeRaw`
    WITH stale AS (
      DELETE FROM "WorkflowSegmentCheck" k WHERE NOT EXISTS (${liveSegmentWorkflow} AND w.id = k."workflowId") RETURNING "workflowId"
    )
    DELETE FROM "WorkflowSegmentMember" m USING stale WHERE m."workflowId" = stale."workflowId"`;
}
