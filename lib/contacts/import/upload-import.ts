// A new import from an uploaded file: the body streamed to the import folder (never whole in
// memory, refused past 200 MB), its start checked to be UTF-8 text, its delimiter sniffed, and its
// header and first rows read for the mapping step.
import type { Readable } from "node:stream";
import { MAX_IMPORT_BYTES } from "@/lib/contacts/import/import-input";
import { deleteImportFile, importStorageKey, readImportFile, writeImportFile } from "@/lib/contacts/import/import-file";
import { readCsvRows } from "@/lib/contacts/import/read-csv-rows";
import { decodeHead, sniffDelimiter } from "@/lib/contacts/import/sniff-csv";
import { DomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import type { OrgContext } from "@/lib/org-context";

const SAMPLE_ROWS = 5;
const MAX_FILE_NAME = 200;

export async function uploadImport(ctx: OrgContext, file: { name: string; body: Readable }) {
  const fileName = file.name.split(/[\\/]/).pop()!.trim().slice(0, MAX_FILE_NAME) || "contacts.csv";
  const id = newId("contactImport");
  const storageKey = importStorageKey(ctx.orgId, id);
  const { size, head } = await writeImportFile(storageKey, file.body, MAX_IMPORT_BYTES);
  try {
    if (size === 0) throw new DomainError("BAD_REQUEST", "The file is empty", "file");
    const text = decodeHead(head);
    if (text === null) throw new DomainError("BAD_REQUEST", "The file is not UTF-8 text: save it as \"CSV UTF-8\" and upload it again", "file");
    const delimiter = sniffDelimiter(text.replace(/^\uFEFF/, ""));
    let headers: string[] | null = null;
    const sample: string[][] = [];
    for await (const row of readCsvRows(readImportFile(storageKey), { delimiter, limit: SAMPLE_ROWS })) {
      if ("header" in row) headers = row.header.map((h) => h.trim());
      else if ("fields" in row) sample.push(row.fields);
    }
    if (!headers || headers.every((h) => h === "")) throw new DomainError("BAD_REQUEST", "The file has no header row: its first line should name the columns", "file");
    const named = headers.map((h, i) => h || `Column ${i + 1}`);
    return await ctx.db.contactImport.create({
      data: {
        id,
        orgId: ctx.orgId,
        fileName,
        fileSize: size,
        storageKey,
        delimiter,
        headers: named,
        sample,
        createdById: ctx.actor.type === "USER" ? ctx.actor.id : null,
      },
      select: { id: true },
    });
  } catch (error) {
    await deleteImportFile(storageKey);
    throw error;
  }
}
