// The report of an import's rows that were not imported, as CSV: line number, column, reason and
// the value at fault; streamed by pages of the staging table, so a file of a million bad rows
// never sits in memory.
import { Readable } from "node:stream";
import { stringify } from "csv-stringify";
import { IMPORT_REASONS, type ImportReason } from "@/lib/contacts/import/import-reasons";
import { notFound } from "@/lib/errors";
import type { OrgContext } from "@/lib/org-context";

const PAGE = 5_000;

export async function importReport(ctx: OrgContext, importId: string): Promise<{ fileName: string; stream: Readable }> {
  const found = await ctx.db.contactImport.findUnique({ where: { id: importId }, select: { fileName: true } });
  if (!found) throw notFound("Import", "id");
  async function* rows() {
    let after = 0;
    for (;;) {
      const page = await ctx.db.contactImportRow.findMany({
        where: { importId, line: { gt: after }, errorReason: { not: null } },
        orderBy: { line: "asc" },
        take: PAGE,
        select: { line: true, errorReason: true, errorColumn: true, errorValue: true, duplicateOf: true },
      });
      for (const r of page) {
        const reason = r.errorReason as ImportReason;
        const label = reason === "duplicate" && r.duplicateOf ? `${IMPORT_REASONS.duplicate} (line ${r.duplicateOf})` : (IMPORT_REASONS[reason] ?? reason);
        yield [r.line, r.errorColumn ?? "", reason, label, r.errorValue ?? ""];
      }
      if (page.length < PAGE) return;
      after = page[page.length - 1]!.line;
    }
  }
  const stream = Readable.from(rows()).pipe(stringify({ header: true, columns: ["line", "column", "reason", "message", "value"] }));
  const base = found.fileName.replace(/\.csv$/i, "");
  return { fileName: `${base}-not-imported.csv`, stream };
}
