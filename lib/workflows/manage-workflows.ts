// Workflows as things a marketer keeps: create (an empty canvas: the palette offers a trigger
// first), read, rename, duplicate, delete. Their drafts are saved by save-draft.ts and published
// by publish-workflow.ts.
//
// Delete refuses a workflow with active runs: its runs' rows (their history) go with it, and a
// run in the middle of its steps would lose what it mirrors. Pause it and let its runs finish (or
// cancel them) first. Archiving would keep the history but adds a state every list and trigger
// would have to skip; a paused workflow already enrols nobody, so it is the archive.
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { isUniqueViolation } from "@/lib/db/errors";
import { DomainError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";
import type { OrgContext } from "@/lib/org-context";
import { EMPTY_GRAPH, workflowSettings } from "@/lib/workflows/graph-model";
import { createWorkflowInput, renameWorkflowInput, workflowIdInput } from "@/lib/workflows/workflow-input";
import { workflowOf, type Workflow } from "@/lib/workflows/workflow-row";

const json = (value: unknown) => value as Prisma.InputJsonValue;
const nameTaken = (name: string) => new DomainError("CONFLICT", `A workflow named "${name}" already exists`, "name", "conflict");

/** The workflow with its published version's number and every version (newest first). */
export async function getWorkflow(ctx: OrgContext, raw: z.input<typeof workflowIdInput>) {
  const { id } = workflowIdInput.parse(raw);
  const row = await ctx.db.workflow.findUnique({ where: { id } });
  if (!row) throw notFound("Workflow", "id");
  const versions = await ctx.db.workflowVersion.findMany({
    where: { workflowId: id },
    orderBy: { version: "desc" },
    select: { id: true, version: true, publishedAt: true, publishedById: true, triggerKind: true },
  });
  const published = versions.find((v) => v.id === row.publishedVersionId) ?? null;
  return { ...workflowOf(row), publishedVersion: published?.version ?? null, versions };
}

export async function createWorkflow(ctx: OrgContext, raw: z.input<typeof createWorkflowInput>): Promise<Workflow> {
  const { name } = createWorkflowInput.parse(raw);
  try {
    const row = await ctx.db.$transaction(async (tx) => {
      const created = await tx.workflow.create({
        data: { id: newId("workflow"), orgId: ctx.orgId, name, draft: json(EMPTY_GRAPH), settings: json(workflowSettings.parse({})) },
      });
      await recordAudit(ctx, tx, { action: "workflow.created", targetType: "workflow", targetId: created.id, changes: { name } });
      return created;
    });
    return workflowOf(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(name);
    throw error;
  }
}

export async function renameWorkflow(ctx: OrgContext, raw: z.input<typeof renameWorkflowInput>): Promise<Workflow> {
  const { id, name } = renameWorkflowInput.parse(raw);
  try {
    const row = await ctx.db.$transaction(async (tx) => {
      const before = await tx.workflow.findUnique({ where: { id }, select: { name: true } });
      if (!before) throw notFound("Workflow", "id");
      const updated = await tx.workflow.update({ where: { id }, data: { name } });
      await recordAudit(ctx, tx, { action: "workflow.renamed", targetType: "workflow", targetId: id, changes: { from: before.name, to: name } });
      return updated;
    });
    return workflowOf(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(name);
    throw error;
  }
}

/** A new draft with the same graph and settings (the draft, not the published version), "Copy of ...". */
export async function duplicateWorkflow(ctx: OrgContext, raw: z.input<typeof workflowIdInput>): Promise<Workflow> {
  const { id } = workflowIdInput.parse(raw);
  const source = await ctx.db.workflow.findUnique({ where: { id } });
  if (!source) throw notFound("Workflow", "id");
  const taken = new Set((await ctx.db.workflow.findMany({ where: { name: { startsWith: `Copy of ${source.name}`.slice(0, 100) } }, select: { name: true } })).map((w) => w.name));
  let name = `Copy of ${source.name}`.slice(0, 100);
  for (let n = 2; taken.has(name); n++) name = `Copy of ${source.name}`.slice(0, 95) + ` (${n})`;
  try {
    const row = await ctx.db.$transaction(async (tx) => {
      const created = await tx.workflow.create({
        data: { id: newId("workflow"), orgId: ctx.orgId, name, draft: json(source.draft), settings: json(source.settings) },
      });
      await recordAudit(ctx, tx, { action: "workflow.duplicated", targetType: "workflow", targetId: created.id, changes: { from: id, name } });
      return created;
    });
    return workflowOf(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(name);
    throw error;
  }
}

export async function deleteWorkflow(ctx: OrgContext, raw: z.input<typeof workflowIdInput>): Promise<{ id: string }> {
  const { id } = workflowIdInput.parse(raw);
  return ctx.db.$transaction(async (tx) => {
    // The row lock orders this against an enrolment starting a run of it.
    const [row] = await tx.$queryRaw<{ name: string }[]>`SELECT name FROM "Workflow" WHERE id = ${id} AND "orgId" = ${ctx.orgId} FOR UPDATE`;
    if (!row) throw notFound("Workflow", "id");
    const active = await tx.workflowRun.count({ where: { workflowId: id, status: "ACTIVE" } });
    if (active > 0) {
      throw new DomainError("CONFLICT", `This workflow has ${active} active run${active === 1 ? "" : "s"}: pause it and let them finish (or cancel them) before deleting it`, "id", "conflict");
    }
    // The published version is referenced by the workflow: unlink it before the cascade.
    await tx.workflow.update({ where: { id }, data: { publishedVersionId: null } });
    await tx.workflow.delete({ where: { id } });
    await recordAudit(ctx, tx, { action: "workflow.deleted", targetType: "workflow", targetId: id, changes: { name: row.name } });
    return { id };
  });
}
