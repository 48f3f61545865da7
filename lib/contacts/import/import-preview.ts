// The dry run's counts over the whole staged file, by set-based SQL: rows that will make new
// contacts, rows whose number is already a contact (updated or skipped, as the options say),
// duplicates in the file, and bad rows by reason. Then the first rows as they will be stored.
import type { ImportReason } from "@/lib/contacts/import/import-reasons";
import { orgSql } from "@/lib/db/sql";
import type { OrgContext } from "@/lib/org-context";

export interface ImportPreview {
  rows: number;
  new: number;
  existing: number;
  /** Existing contacts that are opted out: they stay so whatever the file says. */
  existingOptedOut: number;
  /** Rows marked unsubscribed in the file (they are imported opted out). */
  unsubscribed: number;
  duplicates: number;
  invalid: number;
  invalidByReason: Partial<Record<ImportReason, number>>;
}

export async function computeImportPreview(ctx: OrgContext, importId: string): Promise<ImportPreview> {
  const sql = orgSql(ctx);
  const [counts] = await sql.$queryRaw<{ rows: number; valid: number; existing: number; existing_opted_out: number; unsubscribed: number }[]>`
    SELECT count(*)::int AS rows,
           count(*) FILTER (WHERE r."errorReason" IS NULL)::int AS valid,
           count(c.id)::int AS existing,
           count(c.id) FILTER (WHERE c."consentStatus" = 'OPTED_OUT')::int AS existing_opted_out,
           count(*) FILTER (WHERE r."errorReason" IS NULL AND r."optedOut")::int AS unsubscribed
    FROM "ContactImportRow" r
    LEFT JOIN "Contact" c ON r."errorReason" IS NULL AND c."orgId" = ${ctx.orgId} AND c.phone = r.phone
    WHERE r."importId" = ${importId} AND r."orgId" = ${ctx.orgId}`;
  const reasons = await sql.$queryRaw<{ reason: ImportReason; n: number }[]>`
    SELECT "errorReason" AS reason, count(*)::int AS n FROM "ContactImportRow"
    WHERE "importId" = ${importId} AND "orgId" = ${ctx.orgId} AND "errorReason" IS NOT NULL
    GROUP BY "errorReason" ORDER BY n DESC`;
  const invalidByReason = Object.fromEntries(reasons.filter((r) => r.reason !== "duplicate").map((r) => [r.reason, r.n]));
  const duplicates = reasons.find((r) => r.reason === "duplicate")?.n ?? 0;
  return {
    rows: counts!.rows,
    new: counts!.valid - counts!.existing,
    existing: counts!.existing,
    existingOptedOut: counts!.existing_opted_out,
    unsubscribed: counts!.unsubscribed,
    duplicates,
    invalid: counts!.rows - counts!.valid - duplicates,
    invalidByReason,
  };
}
