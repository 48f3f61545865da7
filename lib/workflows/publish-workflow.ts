// Publishing: the draft checked (validate-graph.ts against the org's facts read now), then made the
// next immutable WorkflowVersion with its trigger copied into columns for enrolment; the workflow
// ACTIVE on it (a paused one stays paused: publishing is not resuming), its draft no longer
// changed. Runs already going keep the version they started on (WorkflowRun.versionId).
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { DomainError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";
import type { OrgContext } from "@/lib/org-context";
import { editorOptions, factsOf } from "@/lib/workflows/editor-options";
import { NODE_LABELS } from "@/lib/workflows/labels";
import { validateGraph, type WorkflowProblem } from "@/lib/workflows/validate-graph";
import { workflowGraph } from "@/lib/workflows/graph-model";
import { triggerColumns } from "@/lib/workflows/trigger-columns";
import { workflowIdInput } from "@/lib/workflows/workflow-input";
import { workflowOf } from "@/lib/workflows/workflow-row";

const json = (value: unknown) => value as Prisma.InputJsonValue;

/** A publish refused: its problems, each pinned as the canvas pins them. */
export class WorkflowInvalidError extends DomainError {
  constructor(readonly problems: WorkflowProblem[], nodeLabel: (id: string) => string) {
    const first = problems[0]!;
    const where = first.nodeId ? `${nodeLabel(first.nodeId)}: ` : "";
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? "s" : ""})` : "";
    super("BAD_REQUEST", `Cannot publish: ${where}${first.message}${more}`, first.nodeId ? `nodes.${first.nodeId}` : "draft", "invalid_parameter");
  }
}

export async function publishWorkflow(ctx: OrgContext, raw: z.input<typeof workflowIdInput>) {
  const { id } = workflowIdInput.parse(raw);
  const facts = factsOf(await editorOptions(ctx));
  return ctx.db.$transaction(async (tx) => {
    // Locked so two publishes cannot both take the same next version, nor a save slip in between.
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Workflow" WHERE id = ${id} AND "orgId" = ${ctx.orgId} FOR UPDATE`;
    if (!locked) throw notFound("Workflow", "id");
    const wf = workflowOf(await tx.workflow.findUniqueOrThrow({ where: { id } }));
    const problems = validateGraph(wf.draft, wf.settings, facts, id);
    const label = (nodeId: string) => NODE_LABELS[wf.draft.nodes.find((n) => n.id === nodeId)?.type ?? "exit"];
    if (problems.length) throw new WorkflowInvalidError(problems, label);
    const graph = workflowGraph.parse(wf.draft);
    const trigger = graph.nodes.find((n) => n.type === "trigger")!;
    const last = await tx.workflowVersion.findFirst({ where: { workflowId: id }, orderBy: { version: "desc" }, select: { version: true } });
    const version = (last?.version ?? 0) + 1;
    const created = await tx.workflowVersion.create({
      data: {
        id: newId("workflowVersion"),
        orgId: ctx.orgId,
        workflowId: id,
        version,
        graph: json(graph),
        settings: json(wf.settings),
        ...triggerColumns(trigger.data.trigger),
        publishedById: ctx.actor.type === "USER" ? ctx.actor.id : null,
      },
    });
    const updated = await tx.workflow.update({
      where: { id },
      data: { publishedVersionId: created.id, draftChanged: false, status: wf.status === "PAUSED" ? "PAUSED" : "ACTIVE" },
    });
    await recordAudit(ctx, tx, { action: "workflow.published", targetType: "workflow", targetId: id, changes: { version, versionId: created.id, trigger: created.triggerKind } });
    return { ...workflowOf(updated), publishedVersion: version };
  });
}
