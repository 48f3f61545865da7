// Contacts to CSV, streamed: a list, a saved segment or a filtered view (lib/contacts/contact-source.ts),
// read in keyset batches of BATCH rows (newest first, on the time-ordered id) and written as they
// come, only when the reader asks for more, so a million contacts never sit in memory. Each batch
// is its own statement: a transaction held open while a slow client downloads would pin the
// connection and the table's vacuum horizon, so the export is as current as each batch, like a walk
// through the Contacts page's pages.
//
// Columns: every field under the public API's names (consent as subscription_status and when and how
// it last changed, plus the source of the latest consent change), tags and list names joined with
// ", ", then one column per custom field of the org by its key (the import maps it back by header).
import { stringify } from "csv-stringify/sync";
import { contactSourceCondition, type ContactSource } from "@/lib/contacts/contact-source";
import { withSegmentMemory, type CompiledSegment } from "@/lib/segments/evaluate-segment";
import { Prisma, type Contact } from "@/lib/generated/prisma/client";
import type { OrgContext } from "@/lib/org-context";

export const EXPORT_BATCH = 1000;

const STANDARD_COLUMNS = [
  "id", "phone", "first_name", "last_name", "email", "time_zone", "tags", "lists",
  "subscription_status", "subscribed_at", "unsubscribed_at", "unsubscribe_source", "consent_source", "created_at", "updated_at",
] as const;

type ExportRow = Pick<
  Contact,
  "id" | "phone" | "firstName" | "lastName" | "email" | "timeZone" | "tags" | "consentStatus" | "optedInAt" | "optedOutAt" | "optOutSource" | "createdAt" | "updatedAt"
> & { customFields: Record<string, string | number | boolean>; lists: string[]; consentSource: string | null };

// A cell a spreadsheet would run as a formula (OWASP "CSV injection"): text people typed in that
// starts with = + - @ (or a tab or carriage return) gets a leading apostrophe. Only free text: the
// phone is E.164 (its + is not a formula) and the rest is ours.
const FORMULA_START = /^[=+\-@\t\r]/;
const safeText = (text: string | null) => (text !== null && FORMULA_START.test(text) ? `'${text}` : text);
const iso = (date: Date | null) => date?.toISOString() ?? "";

function cells(row: ExportRow, customKeys: string[]): (string | number | null)[] {
  const standard = [
    row.id, row.phone, safeText(row.firstName), safeText(row.lastName), safeText(row.email), row.timeZone,
    safeText(row.tags.join(", ")), safeText(row.lists.join(", ")),
    row.consentStatus === "OPTED_IN" ? "subscribed" : "unsubscribed", iso(row.optedInAt), iso(row.optedOutAt), row.optOutSource, row.consentSource,
    iso(row.createdAt), iso(row.updatedAt),
  ];
  const custom = customKeys.map((key) => {
    const value = row.customFields[key];
    return value === undefined ? null : typeof value === "string" ? safeText(value) : String(value);
  });
  return [...standard, ...custom];
}

function batch(ctx: OrgContext, { where, hashMemory }: CompiledSegment, after: string | null) {
  return withSegmentMemory(ctx, { hashMemory }, (sql) => sql.$queryRaw<ExportRow[]>`
    SELECT c.id, c.phone, c."firstName", c."lastName", c.email, c."timeZone", c.tags, c."customFields",
           c."consentStatus", c."optedInAt", c."optedOutAt", c."optOutSource", c."createdAt", c."updatedAt",
           ARRAY(SELECT l.name FROM "ListMembership" m JOIN "ContactList" l ON l.id = m."listId"
                  WHERE m."orgId" = ${ctx.orgId} AND m."contactId" = c.id ORDER BY l.name) AS lists,
           (SELECT e.source FROM "ConsentEvent" e WHERE e."orgId" = ${ctx.orgId} AND e."contactId" = c.id
             ORDER BY e."occurredAt" DESC LIMIT 1) AS "consentSource"
      FROM "Contact" c
     WHERE c."orgId" = ${ctx.orgId} AND (${where}) ${after === null ? Prisma.empty : Prisma.sql`AND c.id < ${after}`}
     ORDER BY c.id DESC
     LIMIT ${EXPORT_BATCH}`);
}

/**
 * The CSV of `source`'s contacts as a stream of UTF-8 (with a BOM, so spreadsheets read it as UTF-8),
 * and a file name. The source is resolved before the first byte (an unknown list or segment, or a bad
 * definition, throws here, naming `field`); a database error mid-stream errors the stream.
 */
export async function exportContacts(ctx: OrgContext, source: ContactSource, field?: string) {
  const { name, ...contacts } = await contactSourceCondition(ctx, source, field);
  return exportContactsWhere(ctx, contacts, name);
}

/** The same CSV for contacts matching a condition on `c` of the caller's (a campaign's skipped recipients), named after `name`. */
export async function exportContactsWhere(ctx: OrgContext, contacts: CompiledSegment, name: string) {
  const definitions = await ctx.db.customFieldDefinition.findMany({ orderBy: { createdAt: "asc" }, select: { key: true } });
  const customKeys = definitions.map((d) => d.key);
  const header = [...STANDARD_COLUMNS, ...customKeys.map((key) => ((STANDARD_COLUMNS as readonly string[]).includes(key) ? `custom.${key}` : key))];
  const encoder = new TextEncoder();
  let after: string | null = null;
  let done = false;

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\ufeff${stringify([header])}`));
    },
    async pull(controller) {
      if (done) return;
      const rows = await batch(ctx, contacts, after);
      if (rows.length > 0) controller.enqueue(encoder.encode(stringify(rows.map((row) => cells(row, customKeys)))));
      if (rows.length < EXPORT_BATCH) {
        done = true;
        controller.close();
      } else after = rows[rows.length - 1]!.id;
    },
  });
  return { stream, fileName: exportFileName(name) };
}

/** The UI's download of an export: streamed to the browser as a file, never cached. */
export function csvDownload({ stream, fileName }: { stream: ReadableStream<Uint8Array>; fileName: string }): Response {
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}

/** "Brunch regulars" → "brunch-regulars-2026-12-06.csv": safe in a Content-Disposition header and on any disk. */
function exportFileName(name: string) {
  const slug = name.normalize("NFKD").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "contacts";
  return `${slug}-${new Date().toISOString().slice(0, 10)}.csv`;
}
