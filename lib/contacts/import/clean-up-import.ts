// What an ended import no longer needs: its file, and the staged rows that were imported (the bad
// and duplicate ones stay for the report).
import { deleteImportFile } from "@/lib/contacts/import/import-file";
import type { OrgContext } from "@/lib/org-context";

export async function cleanUpImport(ctx: OrgContext, importId: string): Promise<void> {
  const found = await ctx.db.contactImport.findUnique({ where: { id: importId }, select: { status: true, storageKey: true } });
  if (!found || (found.status !== "COMPLETED" && found.status !== "CANCELED")) return;
  await deleteImportFile(found.storageKey);
  await ctx.db.contactImportRow.deleteMany({ where: { importId, errorReason: null } });
}
