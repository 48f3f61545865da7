// The canvas's counters for a version: per node, how many runs entered it, wait there now, and
// completed or exited there, in one grouped statement (test runs are not counted).
import { z } from "zod";
import { orgSql } from "@/lib/db/sql";
import { notFound } from "@/lib/errors";
import type { OrgContext } from "@/lib/org-context";

export const runCountersInput = z.strictObject({ versionId: z.string().min(1) });

export interface NodeCounters {
  entered: number;
  waiting: number;
  completed: number;
  exited: number;
}

export async function runCounters(ctx: OrgContext, raw: z.input<typeof runCountersInput>): Promise<Record<string, NodeCounters>> {
  const { versionId } = runCountersInput.parse(raw);
  const version = await ctx.db.workflowVersion.findUnique({ where: { id: versionId }, select: { id: true, workflowId: true } });
  if (!version) throw notFound("Version", "versionId");
  const rows = await orgSql(ctx).$queryRaw<{ nodeId: string; entered: number; waiting: number; completed: number; exited: number }[]>`
    SELECT "nodeId", sum(entered)::int AS entered, sum(waiting)::int AS waiting, sum(completed)::int AS completed, sum(exited)::int AS exited
    FROM (
      SELECT s."nodeId", count(*) AS entered, 0 AS waiting, 0 AS completed, 0 AS exited
      FROM "WorkflowRunStep" s JOIN "WorkflowRun" r ON r.id = s."runId" AND NOT r.test
      WHERE s."orgId" = ${ctx.orgId} AND s."workflowId" = ${version.workflowId} AND s."versionId" = ${versionId}
      GROUP BY s."nodeId"
      UNION ALL
      SELECT r."nodeId", 0, count(*) FILTER (WHERE r.status = 'ACTIVE' AND r.waiting IS NOT NULL),
        count(*) FILTER (WHERE r.status = 'COMPLETED'), count(*) FILTER (WHERE r.status = 'EXITED')
      FROM "WorkflowRun" r
      WHERE r."orgId" = ${ctx.orgId} AND r."workflowId" = ${version.workflowId} AND r."versionId" = ${versionId} AND NOT r.test AND r."nodeId" IS NOT NULL
      GROUP BY r."nodeId"
    ) t GROUP BY "nodeId"`;
  return Object.fromEntries(rows.map(({ nodeId, ...counts }) => [nodeId, counts]));
}
