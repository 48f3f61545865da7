// What the import pages show: an import with its file's columns and the mapping proposed for them,
// its preview (counts and the first rows as they will be stored), its progress and outcome.
import { autoMapColumns } from "@/lib/contacts/import/auto-map";
import { importOptionsSchema, mappingSchema } from "@/lib/contacts/import/import-input";
import type { ImportPreview } from "@/lib/contacts/import/import-preview";
import type { ImportResult } from "@/lib/contacts/import/merge-import-chunk";
import { notFound } from "@/lib/errors";
import type { OrgContext } from "@/lib/org-context";

const PREVIEW_ROWS = 10;

export async function getImport(ctx: OrgContext, id: string) {
  const found = await ctx.db.contactImport.findUnique({ where: { id } });
  if (!found) throw notFound("Import", "id");
  const customFields = await ctx.db.customFieldDefinition.findMany({ select: { key: true, label: true, type: true }, orderBy: { createdAt: "asc" } });
  const saved = mappingSchema.safeParse(found.mapping);
  const columns = saved.success && saved.data.columns.length === found.headers.length ? saved.data.columns : autoMapColumns(found.headers, customFields);
  const previewRows =
    found.preview && found.status !== "CANCELED"
      ? await ctx.db.contactImportRow.findMany({
          where: { importId: id },
          orderBy: { line: "asc" },
          take: PREVIEW_ROWS,
          select: { line: true, phone: true, firstName: true, lastName: true, email: true, timeZone: true, guessedTimeZone: true, tags: true, customFields: true, optedOut: true, errorReason: true, errorColumn: true, errorValue: true },
        })
      : [];
  return {
    id: found.id,
    fileName: found.fileName,
    fileSize: found.fileSize,
    status: found.status,
    error: found.error,
    headers: found.headers,
    sample: found.sample as string[][],
    columns,
    options: importOptionsSchema.parse(found.options),
    consentStatement: found.consentStatement,
    preview: found.preview as ImportPreview | null,
    previewRows,
    rowsTotal: found.rowsTotal,
    rowsDone: found.rowsDone,
    result: found.result as ImportResult | null,
    createdAt: found.createdAt,
    startedAt: found.startedAt,
    finishedAt: found.finishedAt,
    customFields,
  };
}
export type ImportView = Awaited<ReturnType<typeof getImport>>;
