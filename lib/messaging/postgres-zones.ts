// The zones PostgreSQL knows, for the quiet columns (quiet-columns.ts): a zone it does not know would
// fail the dispatcher's claim. Read once a process: a read of pg_timezone_names takes 40-80 ms here,
// too much for every chunk of a fan-out. Not an org's data, hence a system client.
import { systemSql } from "@/lib/db/sql";

let zones: Promise<string[]> | null = null;

/** The zones' names, one spelling per zone. */
export function postgresZones(): Promise<string[]> {
  const read = (zones ??= (async () => {
    // Imported when first read: lib/db.ts connects as it loads, and the plan's types reach this file from the OpenAPI document's.
    const { db } = await import("@/lib/db");
    const rows = await systemSql(db).$queryRaw<{ name: string }[]>`
      SELECT DISTINCT ON (lower(name)) name FROM pg_timezone_names ORDER BY lower(name), name`;
    return rows.map((r) => r.name);
  })());
  // A failed read is not kept: the next caller reads again.
  read.catch(() => {
    if (zones === read) zones = null;
  });
  return read;
}
