// The run requested: the options and the user's consent statement stored, the import RUNNING, its
// start in the audit log, and run-contact-import asked to merge it. Asking again for an import that
// is RUNNING only asks again (a lost event); chunks are guarded by the import row, never merged twice.
import { recordAudit } from "@/lib/audit/record-audit";
import { startImportInput, type StartImportInput } from "@/lib/contacts/import/import-input";
import { EMPTY_RESULT } from "@/lib/contacts/import/merge-import-chunk";
import { DomainError, notFound } from "@/lib/errors";
import { emitEvents } from "@/lib/events/emit";
import { contactImportRunRequested } from "@/lib/events/contacts";
import type { OrgContext } from "@/lib/org-context";

export async function startImport(ctx: OrgContext, raw: StartImportInput) {
  const input = startImportInput.parse(raw);
  const found = await ctx.db.contactImport.findUnique({ where: { id: input.id }, select: { status: true, fileName: true } });
  if (!found) throw notFound("Import", "id");
  if (found.status !== "READY" && found.status !== "RUNNING") {
    throw new DomainError("CONFLICT", found.status === "STAGING" ? "The file is still being checked" : `This import is ${found.status.toLowerCase()}`, "id");
  }
  if (input.listId && !(await ctx.db.contactList.findUnique({ where: { id: input.listId }, select: { id: true } }))) {
    throw new DomainError("BAD_REQUEST", "That list does not exist", "listId");
  }
  if (found.status === "READY") {
    await ctx.db.$transaction(async (tx) => {
      const { count } = await tx.contactImport.updateMany({
        where: { id: input.id, status: "READY" },
        data: {
          status: "RUNNING",
          options: { listId: input.listId ?? null, tags: input.tags, onExisting: input.onExisting },
          consentStatement: input.consentStatement,
          startedAt: new Date(),
          nextLine: 0,
          rowsDone: 0,
          result: { ...EMPTY_RESULT },
        },
      });
      if (!count) throw new DomainError("CONFLICT", "This import has already started", "id");
      await recordAudit(ctx, tx, {
        action: "contact_import.started",
        targetType: "contact_import",
        targetId: input.id,
        changes: { fileName: found.fileName, listId: input.listId ?? null, tags: input.tags, onExisting: input.onExisting, consentStatement: input.consentStatement },
      });
    });
  }
  await emitEvents(contactImportRunRequested.create({ orgId: ctx.orgId, importId: input.id }));
  return { id: input.id };
}
