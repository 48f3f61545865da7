// Cancel: an import not yet running is dropped; a running one stops before its next chunk (chunks
// already merged stay: each was committed whole). The file and the staged rows go with it.
import { recordAudit } from "@/lib/audit/record-audit";
import { importIdInput } from "@/lib/contacts/import/import-input";
import { cleanUpImport } from "@/lib/contacts/import/clean-up-import";
import { DomainError, notFound } from "@/lib/errors";
import type { OrgContext } from "@/lib/org-context";
import type { z } from "zod";

const CANCELABLE = ["UPLOADED", "STAGING", "READY", "RUNNING", "FAILED"] as const;

export async function cancelImport(ctx: OrgContext, raw: z.input<typeof importIdInput>) {
  const { id } = importIdInput.parse(raw);
  const canceled = await ctx.db.$transaction(async (tx) => {
    // The import row's lock: a chunk in progress finishes (and counts) before the cancel lands.
    const [row] = await tx.$queryRaw<{ status: string; rowsDone: number }[]>`
      SELECT status::text AS status, "rowsDone" FROM "ContactImport" WHERE id = ${id} AND "orgId" = ${ctx.orgId} FOR UPDATE`;
    if (!row) throw notFound("Import", "id");
    if (!(CANCELABLE as readonly string[]).includes(row.status)) throw new DomainError("CONFLICT", `This import is ${row.status.toLowerCase()}`, "id");
    await tx.contactImport.update({ where: { id }, data: { status: "CANCELED", finishedAt: new Date() } });
    await recordAudit(ctx, tx, { action: "contact_import.canceled", targetType: "contact_import", targetId: id, changes: { status: row.status, rowsDone: row.rowsDone } });
    return row;
  });
  await cleanUpImport(ctx, id);
  return { id, rowsDone: canceled.rowsDone };
}
