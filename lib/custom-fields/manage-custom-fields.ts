import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { createCustomFieldInput } from "@/lib/custom-fields/custom-field-input";
import { isUniqueViolation } from "@/lib/db/errors";
import { DomainError, notFound } from "@/lib/errors";
import { newId } from "@/lib/ids";
import type { OrgContext } from "@/lib/org-context";

export async function listCustomFields(ctx: OrgContext) {
  return ctx.db.customFieldDefinition.findMany({ orderBy: { createdAt: "asc" } });
}

export async function createCustomField(ctx: OrgContext, raw: z.input<typeof createCustomFieldInput>) {
  const input = createCustomFieldInput.parse(raw);
  try {
    return await ctx.db.$transaction(async (tx) => {
      const field = await tx.customFieldDefinition.create({ data: { id: newId("customField"), orgId: ctx.orgId, ...input } });
      await recordAudit(ctx, tx, { action: "custom_field.created", targetType: "custom_field", targetId: field.id, changes: input });
      return field;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("CONFLICT", `A field with the key "${input.key}" already exists`, "key");
    throw error;
  }
}

export const deleteCustomFieldInput = z.object({ id: z.string().min(1) }).strict();

/** Deletes the definition; values stay on contacts (harmless, and restored if the key returns). */
export async function deleteCustomField(ctx: OrgContext, raw: z.input<typeof deleteCustomFieldInput>) {
  const { id } = deleteCustomFieldInput.parse(raw);
  return ctx.db.$transaction(async (tx) => {
    const field = await tx.customFieldDefinition.findUnique({ where: { id } });
    if (!field) throw notFound("Custom field", "id");
    await tx.customFieldDefinition.delete({ where: { id } });
    await recordAudit(ctx, tx, { action: "custom_field.deleted", targetType: "custom_field", targetId: id, changes: { key: field.key } });
    return { id };
  });
}
