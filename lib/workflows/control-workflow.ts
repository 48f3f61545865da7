// Pause and resume a published workflow. Paused: its trigger enrols nobody and its runs hold before
// their next step (the interpreter reads the status); resumed: ACTIVE again, and the runs holding
// are told to go on (`workflows/workflow.resumed`, after commit).
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { afterCommit } from "@/lib/db/after-commit";
import { DomainError, notFound } from "@/lib/errors";
import { emitEvents } from "@/lib/events/emit";
import { workflowResumed } from "@/lib/events/workflows";
import type { WorkflowStatus } from "@/lib/generated/prisma/enums";
import type { OrgContext, ScopedTx } from "@/lib/org-context";
import { workflowIdInput } from "@/lib/workflows/workflow-input";
import { workflowOf } from "@/lib/workflows/workflow-row";

async function lockWorkflow(ctx: OrgContext, tx: ScopedTx, id: string, from: WorkflowStatus, doing: string) {
  const [row] = await tx.$queryRaw<{ status: WorkflowStatus }[]>`SELECT status FROM "Workflow" WHERE id = ${id} AND "orgId" = ${ctx.orgId} FOR UPDATE`;
  if (!row) throw notFound("Workflow", "id");
  if (row.status !== from) {
    const why = row.status === "DRAFT" ? "it has not been published" : `it is ${row.status.toLowerCase()}`;
    throw new DomainError("CONFLICT", `This workflow cannot be ${doing}: ${why}`, "id", "conflict");
  }
}

export async function pauseWorkflow(ctx: OrgContext, raw: z.input<typeof workflowIdInput>) {
  const { id } = workflowIdInput.parse(raw);
  return ctx.db.$transaction(async (tx) => {
    await lockWorkflow(ctx, tx, id, "ACTIVE", "paused");
    const row = await tx.workflow.update({ where: { id }, data: { status: "PAUSED" } });
    await recordAudit(ctx, tx, { action: "workflow.paused", targetType: "workflow", targetId: id });
    return workflowOf(row);
  });
}

export async function resumeWorkflow(ctx: OrgContext, raw: z.input<typeof workflowIdInput>) {
  const { id } = workflowIdInput.parse(raw);
  return ctx.db.$transaction(async (tx) => {
    await lockWorkflow(ctx, tx, id, "PAUSED", "resumed");
    const row = await tx.workflow.update({ where: { id }, data: { status: "ACTIVE" } });
    await recordAudit(ctx, tx, { action: "workflow.resumed", targetType: "workflow", targetId: id });
    await afterCommit(tx, () => emitEvents(workflowResumed.create({ orgId: ctx.orgId, workflowId: id })));
    return workflowOf(row);
  });
}
