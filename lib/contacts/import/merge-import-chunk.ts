// One chunk of a running import merged into contacts, by set-based SQL over the staging table, in
// one transaction that also moves the import's resume point (`nextLine`): a run killed anywhere
// either committed the chunk and its progress together or neither, so a retry continues where the
// last commit left it and no row is merged twice. The import row's lock serialises chunks and
// cancel. Per chunk, in order:
// 1. existing contacts the file marks unsubscribed are opted out (applyConsentChange, as a STOP is:
//    history, audit, webhook, pending marketing canceled); an opted-out contact is never opted in;
// 2. existing contacts updated (fields given in the file win, empty cells keep what is there, tags
//    and custom fields added) unless the options say skip;
// 3. new contacts inserted, each with its consent history row (source "import", the import's id);
// 4. every contact of the chunk added to the options' list (in the statements of 2 and 3, from the
//    ids they return: no second join of the chunk to Contact by phone);
// 5. progress and counts; the last chunk completes the import.
// Nothing here emits an event or starts a send.
import { recordAudit } from "@/lib/audit/record-audit";
import { importOptionsSchema } from "@/lib/contacts/import/import-input";
import { Prisma } from "@/lib/generated/prisma/client";
import { applyConsentChange } from "@/lib/messaging/apply-consent-change";
import { poolOf } from "@/lib/db/sql";
import type { OrgContext, ScopedTx } from "@/lib/org-context";
import { enqueueWebhookEvents } from "@/lib/webhooks/enqueue-webhook-events";

export const CHUNK_LINES = 25_000;

export interface ImportResult {
  created: number;
  updated: number;
  skipped: number;
  optedOut: number;
  duplicates: number;
  invalid: number;
}

export const EMPTY_RESULT: ImportResult = { created: 0, updated: 0, skipped: 0, optedOut: 0, duplicates: 0, invalid: 0 };

export interface ChunkOutcome {
  /** No chunk is left (the import completed), or the import is no longer running (canceled). */
  done: boolean;
  rowsDone: number;
}

export interface MergeOptions {
  chunkLines?: number;
  /** Tests: runs inside the transaction after the merge, before progress is recorded. */
  beforeProgress?: () => Promise<void> | void;
}

export async function mergeImportChunk(ctx: OrgContext, importId: string, options: MergeOptions = {}): Promise<ChunkOutcome> {
  const chunkLines = options.chunkLines ?? CHUNK_LINES;
  const org = ctx.orgId;
  const outcome = await ctx.db.$transaction(
    async (tx) => {
      // Index lookups by (orgId, phone) for every join below, whatever the statistics say: an org's
      // contacts grow by a chunk at a time during the import, faster than ANALYZE follows. A plan
      // made for "no contacts" (a nested loop over a sequential scan of Contact) turned each chunk
      // quadratic (measured: 25 s instead of 4 s for 25k rows), and a hash join reads all the org's
      // contacts for each chunk; a chunk needs one index probe per row.
      const [imp] = await tx.$queryRaw<{ status: string; nextLine: number; rowsDone: number; options: unknown; result: ImportResult | null; fileName: string }[]>`
        SELECT status::text AS status, "nextLine", "rowsDone", options, result, "fileName",
               set_config('enable_seqscan', 'off', true), set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true)
        FROM "ContactImport" WHERE id = ${importId} AND "orgId" = ${org} FOR UPDATE`;
      if (!imp || imp.status !== "RUNNING") return { done: true, rowsDone: imp?.rowsDone ?? 0, chunk: 0 };
      const opts = importOptionsSchema.parse(imp.options);
      const from = imp.nextLine;
      const to = from + chunkLines;
      const detail = `imported: ${imp.fileName}`;
      const chunk: Chunk = { importId, org, from, to, listId: opts.listId ?? null };

      const optedOut = await optOutExisting(ctx, tx, chunk, detail);
      const existing = opts.onExisting === "update" ? await updateExisting(tx, chunk, opts.tags) : await countExisting(tx, chunk);
      const created = await insertNew(tx, chunk, opts.tags, detail);
      await options.beforeProgress?.();

      const [tally] = await tx.$queryRaw<{ rows: number; duplicates: number; invalid: number; more: boolean }[]>`
        SELECT count(*)::int AS rows,
               count(*) FILTER (WHERE "errorReason" = 'duplicate')::int AS duplicates,
               count(*) FILTER (WHERE "errorReason" IS NOT NULL AND "errorReason" <> 'duplicate')::int AS invalid,
               EXISTS (SELECT 1 FROM "ContactImportRow" WHERE "importId" = ${importId} AND "orgId" = ${org} AND line >= ${to}) AS more
        FROM "ContactImportRow" WHERE "importId" = ${importId} AND "orgId" = ${org} AND line >= ${from} AND line < ${to}`;
      const before = imp.result ?? EMPTY_RESULT;
      const result: ImportResult = {
        created: before.created + created,
        updated: before.updated + (opts.onExisting === "update" ? existing : 0),
        skipped: before.skipped + (opts.onExisting === "skip" ? existing : 0),
        optedOut: before.optedOut + optedOut,
        duplicates: before.duplicates + tally!.duplicates,
        invalid: before.invalid + tally!.invalid,
      };
      const rowsDone = imp.rowsDone + tally!.rows;
      const done = !tally!.more;
      await tx.contactImport.update({
        where: { id: importId },
        data: {
          nextLine: to,
          rowsDone,
          result: result as unknown as Prisma.InputJsonValue,
          ...(done ? { status: "COMPLETED", finishedAt: new Date() } : {}),
        },
      });
      if (done) {
        await recordAudit(ctx, tx, { action: "contact_import.finished", targetType: "contact_import", targetId: importId, changes: { ...result } });
      }
      return { done, rowsDone, chunk: Math.floor(from / chunkLines) };
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
  if (!outcome.done && isPowerOfTwo(outcome.chunk + 1)) await refreshContactStatistics(ctx);
  return { done: outcome.done, rowsDone: outcome.rowsDone };
}

const isPowerOfTwo = (n: number) => n > 0 && (n & (n - 1)) === 0;

// The planner's idea of how many contacts the org has stays where the last ANALYZE left it (none,
// for a new org) while chunks add 25,000 at a time. Planned for "no contacts", a join may walk the
// org's contacts by another index (e.g. opted-in ones) for every staged row: quadratic, measured
// past the 30 s statement limit by the second chunk. Refreshed after chunks 1, 2, 4, 8, ... (never
// more than 2x stale; a sampled ANALYZE costs well under a second, ~6 times for a million rows).
// Only the columns the chunk's statements filter and join on: the table's size comes with any
// ANALYZE, and the rest (names, search text, tags, custom fields) took half of its time
// (measured on 1M contacts: 2.0 s against 1.0 s, load 15).
async function refreshContactStatistics(ctx: OrgContext): Promise<void> {
  const connection = await poolOf(ctx.db).connect();
  try {
    await connection.query(`ANALYZE "Contact" ("orgId", phone, "consentStatus")`);
  } finally {
    connection.release();
  }
}

interface Chunk {
  importId: string;
  org: string;
  from: number;
  to: number;
  listId: string | null;
}

// A CTE adding the contacts a CTE before it returns (`source`, with their `id`) to the chunk's list.
// New contacts cannot be members yet; existing ones may be.
function addToList({ org, listId }: Chunk, source: "ins" | "existing"): Prisma.Sql {
  if (listId === null) return Prisma.empty;
  return Prisma.sql`, listed AS (
    INSERT INTO "ListMembership" ("listId", "contactId", "orgId", "addedAt")
    SELECT ${listId}, id, ${org}, now() AT TIME ZONE 'UTC' FROM ${Prisma.raw(source)}
    ${source === "existing" ? Prisma.sql`ON CONFLICT DO NOTHING` : Prisma.empty})`;
}

async function optOutExisting(ctx: OrgContext, tx: ScopedTx, { importId, org, from, to }: Chunk, detail: string): Promise<number> {
  const rows = await tx.$queryRaw<{ id: string; phone: string; at: Date }[]>`
    SELECT c.id, c.phone, clock_timestamp() AT TIME ZONE 'UTC' AS at
    FROM "ContactImportRow" r JOIN "Contact" c ON c."orgId" = ${org} AND c.phone = r.phone
    WHERE r."importId" = ${importId} AND r."orgId" = ${org} AND r.line >= ${from} AND r.line < ${to}
      AND r."errorReason" IS NULL AND r."optedOut" AND c."consentStatus" = 'OPTED_IN'
    ORDER BY c.id
    FOR NO KEY UPDATE OF c`;
  const events = [];
  for (const row of rows) {
    events.push(await applyConsentChange(ctx, tx, { kind: "OPT_OUT", contactId: row.id, phone: row.phone, at: row.at, source: "import", importId, detail }));
  }
  await enqueueWebhookEvents(tx, events);
  return rows.length;
}

async function updateExisting(tx: ScopedTx, chunk: Chunk, tags: string[]): Promise<number> {
  const { importId, org, from, to } = chunk;
  const [row] = await tx.$queryRaw<{ n: number }[]>`
    WITH existing AS (
     UPDATE "Contact" c SET
       "firstName" = coalesce(r."firstName", c."firstName"),
       "lastName" = coalesce(r."lastName", c."lastName"),
       email = coalesce(r.email, c.email),
       "timeZone" = coalesce(r."timeZone", c."timeZone", r."guessedTimeZone"),
       tags = c.tags || ARRAY(SELECT DISTINCT t FROM unnest(r.tags || ${tags}::text[]) t WHERE t <> ALL (c.tags)),
       "customFields" = c."customFields" || coalesce(r."customFields", '{}'::jsonb),
       "updatedAt" = now() AT TIME ZONE 'UTC'
     FROM "ContactImportRow" r
     WHERE r."importId" = ${importId} AND r."orgId" = ${org} AND r.line >= ${from} AND r.line < ${to} AND r."errorReason" IS NULL
       AND c."orgId" = ${org} AND c.phone = r.phone
     RETURNING c.id
    )${addToList(chunk, "existing")}
    SELECT count(*)::int AS n FROM existing`;
  return row!.n;
}

async function countExisting(tx: ScopedTx, chunk: Chunk): Promise<number> {
  const { importId, org, from, to } = chunk;
  const [row] = await tx.$queryRaw<{ n: number }[]>`
    WITH existing AS (
      SELECT c.id FROM "ContactImportRow" r JOIN "Contact" c ON c."orgId" = ${org} AND c.phone = r.phone
      WHERE r."importId" = ${importId} AND r."orgId" = ${org} AND r.line >= ${from} AND r.line < ${to} AND r."errorReason" IS NULL
    )${addToList(chunk, "existing")}
    SELECT count(*)::int AS n FROM existing`;
  return row!.n;
}

async function insertNew(tx: ScopedTx, chunk: Chunk, tags: string[], detail: string): Promise<number> {
  const { importId, org, from, to } = chunk;
  const [row] = await tx.$queryRaw<{ created: number }[]>`
    WITH src AS (
       SELECT * FROM "ContactImportRow" r
       WHERE r."importId" = ${importId} AND r."orgId" = ${org} AND r.line >= ${from} AND r.line < ${to} AND r."errorReason" IS NULL
     ), ins AS (
       INSERT INTO "Contact" (id, "orgId", phone, "firstName", "lastName", email, "timeZone", tags, "customFields",
                              "consentStatus", "optedInAt", "optedOutAt", "optOutSource", source, "createdAt", "updatedAt")
       SELECT s."contactId", ${org}, s.phone, s."firstName", s."lastName", s.email, coalesce(s."timeZone", s."guessedTimeZone"),
              s.tags || ARRAY(SELECT t FROM unnest(${tags}::text[]) t WHERE t <> ALL (s.tags)), coalesce(s."customFields", '{}'::jsonb),
              CASE WHEN s."optedOut" THEN 'OPTED_OUT' ELSE 'OPTED_IN' END::"ConsentStatus",
              CASE WHEN s."optedOut" THEN NULL ELSE now() AT TIME ZONE 'UTC' END,
              CASE WHEN s."optedOut" THEN now() AT TIME ZONE 'UTC' END,
              CASE WHEN s."optedOut" THEN 'import' END, 'import',
              now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
       FROM src s
       -- Numbers already in contacts (updated or skipped above) conflict and are left alone; so is
       -- one another writer added since that statement (neither counted nor listed).
       ON CONFLICT ("orgId", phone) DO NOTHING
       RETURNING id, "consentStatus"
     ), events AS (
       -- The consent row's id shares its contact's time and random parts (cns_… beside ct_…): no join back to the staging rows.
       INSERT INTO "ConsentEvent" (id, "orgId", "contactId", action, source, "importId", detail, "occurredAt")
       SELECT 'cns_' || substr(ins.id, 4), ${org}, ins.id,
              CASE WHEN ins."consentStatus" = 'OPTED_OUT' THEN 'OPT_OUT' ELSE 'OPT_IN' END::"ConsentAction",
              'import', ${importId}, ${detail}, now() AT TIME ZONE 'UTC'
       FROM ins
       RETURNING 1
     )${addToList(chunk, "ins")}
     SELECT count(*)::int AS created FROM ins`;
  return row!.created;
}
