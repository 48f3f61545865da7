// The mapping chosen: saved, and the dry run requested (stage-contact-import reads the file with it).
// An import can be mapped again until it runs.
import { recordAudit } from "@/lib/audit/record-audit";
import { stageImportInput, type StageImportInput } from "@/lib/contacts/import/import-input";
import { DomainError, notFound } from "@/lib/errors";
import { emitEvents } from "@/lib/events/emit";
import { contactImportStageRequested } from "@/lib/events/contacts";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrgContext } from "@/lib/org-context";

const REMAPPABLE = ["UPLOADED", "STAGING", "READY", "FAILED"];

export async function requestImportStaging(ctx: OrgContext, raw: StageImportInput) {
  const { id, columns } = stageImportInput.parse(raw);
  const found = await ctx.db.contactImport.findUnique({ where: { id }, select: { status: true, headers: true } });
  if (!found) throw notFound("Import", "id");
  if (!REMAPPABLE.includes(found.status)) throw new DomainError("CONFLICT", "This import has started: its mapping can no longer change", "id");
  if (columns.length !== found.headers.length) {
    throw new DomainError("BAD_REQUEST", `Map each of the file's ${found.headers.length} columns (got ${columns.length})`, "columns");
  }
  const keys = columns.flatMap((c) => (c.target === "custom" ? [c.customFieldKey!] : []));
  if (keys.length) {
    const known = new Set((await ctx.db.customFieldDefinition.findMany({ where: { key: { in: keys } }, select: { key: true } })).map((f) => f.key));
    const index = columns.findIndex((c) => c.target === "custom" && !known.has(c.customFieldKey!));
    if (index >= 0) throw new DomainError("BAD_REQUEST", `Unknown custom field "${columns[index]!.customFieldKey}"`, `columns.${index}.customFieldKey`);
  }
  await ctx.db.$transaction(async (tx) => {
    await tx.contactImport.update({ where: { id }, data: { mapping: { columns }, status: "STAGING", preview: Prisma.DbNull, error: null } });
    await recordAudit(ctx, tx, { action: "contact_import.mapped", targetType: "contact_import", targetId: id, changes: { columns } });
  });
  await emitEvents(contactImportStageRequested.create({ orgId: ctx.orgId, importId: id }));
  return { id };
}
