// Moving waiting runs to another version, explicitly, with a node mapping (old node → new node):
// only runs waiting (a sleep, a time of day, a reply) at a mapped node move; the others stay on
// their version. The run's row gets the new version and node; its Inngest run, when its wait ends,
// reads the row afresh and goes on in the new graph there (finish-wait.ts). One statement, audited.
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { orgSql } from "@/lib/db/sql";
import { DomainError, notFound } from "@/lib/errors";
import type { OrgContext } from "@/lib/org-context";
import { workflowGraph } from "@/lib/workflows/graph-model";

export const migrateRunsInput = z.strictObject({
  workflowId: z.string().min(1),
  fromVersionId: z.string().min(1),
  toVersionId: z.string().min(1),
  mapping: z.record(z.string().min(1).max(64), z.string().min(1).max(64)),
});

/** Waits a run can be moved out of: the interpreter re-reads its row when they end. */
const MOVABLE_WAITS = ["duration", "until", "reply"];

export async function migrateRuns(ctx: OrgContext, workflowId: string, raw: Omit<z.input<typeof migrateRunsInput>, "workflowId">) {
  const { fromVersionId, toVersionId, mapping } = migrateRunsInput.parse({ workflowId, ...raw });
  if (!(await ctx.db.workflow.findUnique({ where: { id: workflowId }, select: { id: true } }))) throw notFound("Workflow", "workflowId");
  if (fromVersionId === toVersionId) throw new DomainError("BAD_REQUEST", "Choose another version to move the runs to", "toVersionId");
  const versions = await ctx.db.workflowVersion.findMany({ where: { workflowId, id: { in: [fromVersionId, toVersionId] } }, select: { id: true, graph: true, version: true } });
  const from = versions.find((v) => v.id === fromVersionId);
  const to = versions.find((v) => v.id === toVersionId);
  if (!from || !to) {
    throw new DomainError("BAD_REQUEST", `Version ${!from ? fromVersionId : toVersionId} is not a version of this workflow`, !from ? "fromVersionId" : "toVersionId");
  }
  const fromNodes = new Map(workflowGraph.parse(from.graph).nodes.map((n) => [n.id, n]));
  const toNodes = new Map(workflowGraph.parse(to.graph).nodes.map((n) => [n.id, n]));
  const pairs = Object.entries(mapping);
  if (pairs.length === 0) throw new DomainError("BAD_REQUEST", "Map at least one node", "mapping");
  for (const [oldId, newId] of pairs) {
    if (!fromNodes.has(oldId)) throw new DomainError("BAD_REQUEST", `Version ${from.version} has no node ${oldId}`, `mapping.${oldId}`);
    const target = toNodes.get(newId);
    if (!target) throw new DomainError("BAD_REQUEST", `Version ${to.version} has no node ${newId}`, `mapping.${oldId}`);
    if (target.type === "trigger") throw new DomainError("BAD_REQUEST", `Runs cannot be moved onto the trigger (${newId})`, `mapping.${oldId}`);
  }
  const rows = await orgSql(ctx).$queryRaw<{ id: string }[]>`
    UPDATE "WorkflowRun" r SET "versionId" = ${toVersionId}, "nodeId" = m.new_node
    FROM unnest(${pairs.map((p) => p[0])}::text[], ${pairs.map((p) => p[1])}::text[]) AS m(old_node, new_node)
    WHERE r."orgId" = ${ctx.orgId} AND r."workflowId" = ${workflowId} AND r."versionId" = ${fromVersionId} AND r.status = 'ACTIVE'
      AND r.waiting = ANY(${MOVABLE_WAITS}::text[]) AND r."nodeId" = m.old_node
    RETURNING r.id`;
  await recordAudit(ctx, ctx.db, {
    action: "workflow.runs_migrated",
    targetType: "workflow",
    targetId: workflowId,
    changes: { fromVersion: from.version, toVersion: to.version, mapping, moved: rows.length },
  });
  return { moved: rows.length };
}
