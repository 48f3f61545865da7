// Saved segments: list, get, create, update, delete, each change in the audit log. A definition is
// compiled before it is saved, so a saved segment names only fields, custom fields and lists that
// existed then (errors name the rule: "definition.root.rules.1.field").
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { isUniqueViolation } from "@/lib/db/errors";
import { DomainError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";
import type { OrgContext } from "@/lib/org-context";
import { segmentCondition } from "@/lib/segments/evaluate-segment";
import {
  createSegmentInput,
  segmentDefinition,
  segmentIdInput,
  updateSegmentInput,
  type SegmentDefinition,
} from "@/lib/segments/rule-model";

// A definition is plain JSON; Prisma's JSON input type cannot see that through the recursive interface.
const asJson = (definition: SegmentDefinition) => definition as unknown as Prisma.InputJsonValue;

const duplicateName = (name: string) => new DomainError("CONFLICT", `A segment named "${name}" already exists`, "name", "segment_exists");

async function uniqueName<T>(name: string | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (name !== undefined && isUniqueViolation(error)) throw duplicateName(name);
    throw error;
  }
}

/** The org's segments by name, without their definitions (the index shows names; counts are asked for one by one). */
export async function listSegments(ctx: OrgContext) {
  return ctx.db.segment.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, description: true, createdAt: true, updatedAt: true },
  });
}

/** The segment with its definition; not found names `field`, the caller's name for the id. */
export async function getSegment(ctx: OrgContext, raw: z.input<typeof segmentIdInput>, field = "id") {
  const { id } = segmentIdInput.parse(raw);
  const segment = await ctx.db.segment.findUnique({ where: { id } });
  if (!segment) throw notFound("Segment", field);
  // Saved definitions passed this schema when written; parsing fills defaults a later model adds.
  return { ...segment, definition: segmentDefinition.parse(segment.definition) as SegmentDefinition };
}

export async function createSegment(ctx: OrgContext, raw: z.input<typeof createSegmentInput>) {
  const input = createSegmentInput.parse(raw);
  await segmentCondition(ctx, input.definition);
  return uniqueName(input.name, () =>
    ctx.db.$transaction(async (tx) => {
      const segment = await tx.segment.create({
        data: { id: newId("segment"), orgId: ctx.orgId, name: input.name, description: input.description ?? null, definition: asJson(input.definition) },
      });
      await recordAudit(ctx, tx, { action: "segment.created", targetType: "segment", targetId: segment.id, changes: { name: input.name } });
      return { ...segment, definition: input.definition };
    }),
  );
}

export async function updateSegment(ctx: OrgContext, raw: z.input<typeof updateSegmentInput>) {
  const { id, ...input } = updateSegmentInput.parse(raw);
  if (input.definition) await segmentCondition(ctx, input.definition);
  return uniqueName(input.name, () =>
    ctx.db.$transaction(async (tx) => {
      const before = await tx.segment.findUnique({ where: { id } });
      if (!before) throw notFound("Segment", "id");
      const segment = await tx.segment.update({
        where: { id },
        data: {
          ...(input.name !== undefined && { name: input.name }),
          ...(input.description !== undefined && { description: input.description }),
          ...(input.definition !== undefined && { definition: asJson(input.definition) }),
        },
      });
      const changes: Record<string, Prisma.InputJsonValue> = {};
      if (input.name !== undefined && input.name !== before.name) changes.name = { from: before.name, to: input.name };
      if (input.description !== undefined && input.description !== before.description) changes.description = { from: before.description, to: input.description };
      if (input.definition !== undefined) changes.definition = asJson(input.definition);
      await recordAudit(ctx, tx, { action: "segment.updated", targetType: "segment", targetId: id, changes });
      return { ...segment, definition: segmentDefinition.parse(segment.definition) as SegmentDefinition };
    }),
  );
}

export async function deleteSegment(ctx: OrgContext, raw: z.input<typeof segmentIdInput>) {
  const { id } = segmentIdInput.parse(raw);
  return ctx.db.$transaction(async (tx) => {
    const segment = await tx.segment.findUnique({ where: { id } });
    if (!segment) throw notFound("Segment", "id");
    await tx.segment.delete({ where: { id } });
    await recordAudit(ctx, tx, { action: "segment.deleted", targetType: "segment", targetId: id, changes: { name: segment.name } });
    return { id };
  });
}
