// Manual enrolment: everyone in some lists and saved segments into a workflow's published version,
// as one set-based enrolment (enroll.ts: one INSERT ... SELECT, however many contacts), audited.
// Lists and segments are checked to be the org's, naming the one that is not.
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { DomainError, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrgContext } from "@/lib/org-context";
import { segmentCondition } from "@/lib/segments/evaluate-segment";
import { enrollContacts } from "@/lib/workflows/enroll";

export const enrollAudienceInput = z.strictObject({
  workflowId: z.string().min(1),
  listIds: z.array(z.string().min(1)).max(20).default([]),
  segmentIds: z.array(z.string().min(1)).max(20).default([]),
});

export async function enrollAudience(ctx: OrgContext, workflowId: string, raw: { listIds?: string[]; segmentIds?: string[] }) {
  const { listIds, segmentIds } = enrollAudienceInput.parse({ workflowId, ...raw });
  if (listIds.length === 0 && segmentIds.length === 0) throw new DomainError("BAD_REQUEST", "Choose at least one list or segment", "listIds");
  const workflow = await ctx.db.workflow.findUnique({ where: { id: workflowId }, select: { id: true, name: true, status: true, publishedVersionId: true } });
  if (!workflow) throw notFound("Workflow", "workflowId");
  if (!workflow.publishedVersionId || workflow.status === "DRAFT") throw new DomainError("BAD_REQUEST", `Publish ${workflow.name} before enrolling contacts`, "workflowId");
  const lists = await ctx.db.contactList.findMany({ where: { id: { in: listIds } }, select: { id: true } });
  const missingList = listIds.find((id) => !lists.some((l) => l.id === id));
  if (missingList) throw new DomainError("BAD_REQUEST", `List ${missingList} not found`, "listIds");
  const conditions: Prisma.Sql[] = [];
  if (listIds.length) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "ListMembership" m WHERE m."orgId" = ${ctx.orgId} AND m."contactId" = c.id AND m."listId" = ANY(${listIds}::text[]))`);
  }
  for (const segmentId of segmentIds) {
    const segment = await ctx.db.segment.findUnique({ where: { id: segmentId }, select: { definition: true } });
    if (!segment) throw new DomainError("BAD_REQUEST", `Segment ${segmentId} not found`, "segmentIds");
    conditions.push((await segmentCondition(ctx, segment.definition as never)).where);
  }
  const { runIds } = await enrollContacts(ctx, {
    workflowId,
    contacts: { where: Prisma.sql`(${Prisma.join(conditions, " OR ")})` },
    trigger: { kind: "manual", data: { listIds, segmentIds, by: ctx.actor.label } },
    evenIfPaused: true,
  });
  await recordAudit(ctx, ctx.db, { action: "workflow.contacts_enrolled", targetType: "workflow", targetId: workflowId, changes: { listIds, segmentIds, enrolled: runIds.length } });
  return { enrolled: runIds.length };
}
