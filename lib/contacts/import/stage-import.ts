// The dry run: the whole file read once, every row normalised (normalize-row.ts) and written with
// its line number into the staging table by one COPY, then duplicates in the file marked and the
// preview's counts taken by set-based SQL. Nothing is written to contacts. Runs again from the start
// when retried (its first statement clears what an interrupted run staged).
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import { mappingSchema, MAX_IMPORT_ROWS } from "@/lib/contacts/import/import-input";
import { readImportFile } from "@/lib/contacts/import/import-file";
import type { ImportReason } from "@/lib/contacts/import/import-reasons";
import { normalizeRow, type NormalizeContext, type NormalizedRow } from "@/lib/contacts/import/normalize-row";
import { readCsvRows } from "@/lib/contacts/import/read-csv-rows";
import { poolOf } from "@/lib/db/sql";
import { newId } from "@/lib/ids";
import type { OrgContext } from "@/lib/org-context";

// COPY's text format: backslash escapes, \N for NULL. Most values need no escape: one test, not four
// replacements, for each of a million rows' dozen values.
const NEEDS_ESCAPE = /[\\\n\r\t]/;
const copyText = (value: string | null) =>
  value === null
    ? "\\N"
    : NEEDS_ESCAPE.test(value)
      ? value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t")
      : value;
const arrayLiteral = (items: string[]) => `{${items.map((t) => `"${t.replace(/["\\]/g, "\\$&")}"`).join(",")}}`;

const COPY_COLUMNS = `"importId", line, "orgId", "contactId", phone, "firstName", "lastName", email, "timeZone", "guessedTimeZone", tags, "customFields", "optedOut", "errorReason", "errorColumn", "errorValue"`;

function copyLine(importId: string, orgId: string, line: number, row: NormalizedRow): string {
  return [
    importId,
    String(line),
    orgId,
    newId("contact"),
    copyText(row.phone),
    copyText(row.firstName),
    copyText(row.lastName),
    copyText(row.email),
    copyText(row.timeZone),
    copyText(row.guessedTimeZone),
    copyText(arrayLiteral(row.tags)),
    copyText(row.customFields ? JSON.stringify(row.customFields) : null),
    row.optedOut ? "t" : "f",
    copyText(row.error?.reason ?? null),
    copyText(row.error?.column ?? null),
    copyText(row.error?.value?.slice(0, 200) ?? null),
  ].join("\t");
}

function malformed(message: string): NormalizedRow {
  const reason: ImportReason = "malformed_row";
  return {
    phone: null, firstName: null, lastName: null, email: null, timeZone: null, guessedTimeZone: null,
    tags: [], customFields: null, optedOut: false,
    error: { reason, column: null, value: message.slice(0, 200) },
  };
}

export class TooManyRowsError extends Error {}

/** Stages the import's file; answers how many data rows it has. The import must be STAGING. */
export async function stageImport(ctx: OrgContext, importId: string): Promise<{ rows: number }> {
  const found = await ctx.db.contactImport.findUniqueOrThrow({ where: { id: importId } });
  const org = await ctx.db.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { defaultCountry: true } });
  const customFields = await ctx.db.customFieldDefinition.findMany({ select: { key: true, label: true, type: true } });
  const normalize: NormalizeContext = {
    columns: mappingSchema.parse(found.mapping).columns,
    headers: found.headers,
    defaultCountry: org.defaultCountry,
    customFields,
  };
  let rows = 0;
  async function* lines() {
    let batch: string[] = [];
    for await (const item of readCsvRows(readImportFile(found.storageKey), { delimiter: found.delimiter })) {
      if ("header" in item) continue;
      if (++rows > MAX_IMPORT_ROWS) throw new TooManyRowsError(`The file has more than ${MAX_IMPORT_ROWS.toLocaleString("en-US")} rows, the most an import takes`);
      const row = "error" in item ? malformed(item.error) : normalizeRow(item.fields, normalize);
      batch.push(copyLine(importId, ctx.orgId, item.line, row));
      if (batch.length === 2_000) {
        yield `${batch.join("\n")}\n`;
        batch = [];
      }
    }
    if (batch.length) yield `${batch.join("\n")}\n`;
  }

  const connection = await poolOf(ctx.db).connect();
  try {
    await connection.query("BEGIN");
    // One long statement by design (the file streams through it): the pool's cut-off is for others.
    await connection.query("SET LOCAL statement_timeout = 0");
    await connection.query(`DELETE FROM "ContactImportRow" WHERE "importId" = $1 AND "orgId" = $2`, [importId, ctx.orgId]);
    await pipeline(Readable.from(lines()), connection.query(copyFrom(`COPY "ContactImportRow" (${COPY_COLUMNS}) FROM STDIN`)));
    // Up to a million new rows: the statements after this need the table's statistics now, not at
    // autovacuum's leisure (planned for an empty table, marking duplicates ran for minutes).
    await connection.query(`ANALYZE "ContactImportRow"`);
    await markDuplicates(connection, importId, ctx.orgId);
    await connection.query("COMMIT");
  } catch (error) {
    await connection.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    connection.release();
  }
  return { rows };
}

// A number seen again later in the file: the first row is imported, the later ones are reported.
// One pass numbering each number's rows by line, joined back by the primary key.
async function markDuplicates(connection: { query(text: string, values: unknown[]): Promise<unknown> }, importId: string, orgId: string) {
  await connection.query(
    `UPDATE "ContactImportRow" r SET "duplicateOf" = d.first, "errorReason" = 'duplicate', "errorColumn" = NULL, "errorValue" = r.phone
     FROM (SELECT line, first FROM (
             SELECT line, min(line) OVER (PARTITION BY phone) AS first FROM "ContactImportRow"
             WHERE "importId" = $1 AND "orgId" = $2 AND "errorReason" IS NULL) numbered
           WHERE line > first) d
     WHERE r."importId" = $1 AND r."orgId" = $2 AND r.line = d.line`,
    [importId, orgId],
  );
}
