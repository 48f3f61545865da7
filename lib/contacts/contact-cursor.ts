// Keyset pages of the contacts table in each of its orders: ORDER BY key, id (id breaks ties; ids
// are unique and time-ordered) and the next page starts after the last row's (key, id), so a page
// costs the same deep in a million contacts as on top (no OFFSET). Each key has an (orgId, key, id)
// index. Newest first, the cursor is the last id alone, as the REST API's starting_after is.
import type { ContactSort } from "@/lib/contacts/contact-input";
import { DomainError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

const KEYS: Record<Exclude<ContactSort, "created">, { sql: Prisma.Sql; cast: Prisma.Sql }> = {
  name: { sql: Prisma.sql`c."sortName"`, cast: Prisma.sql`::text` },
  phone: { sql: Prisma.sql`c.phone`, cast: Prisma.sql`::text` },
  status: { sql: Prisma.sql`c."consentStatus"`, cast: Prisma.sql`::"ConsentStatus"` },
};
const SORT_KEY_COLUMN: Record<Exclude<ContactSort, "created">, string> = { name: "sortName", phone: "phone", status: "consentStatus" };

type Row = { id: string } & Record<string, unknown>;

export function encodeCursor(sort: ContactSort, row: Row): string {
  if (sort === "created") return row.id;
  return Buffer.from(JSON.stringify([row[SORT_KEY_COLUMN[sort]], row.id])).toString("base64url");
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((p) => typeof p === "string")) return parsed as [string, string];
  } catch {
    // falls through to the error below
  }
  throw new DomainError("BAD_REQUEST", "This page cursor belongs to another order or is damaged: start from the first page", "cursor");
}

/** ORDER BY and the "after the cursor" condition of one order. */
export function keysetOf(sort: ContactSort, dir: "asc" | "desc", cursor: string | undefined): { orderBy: Prisma.Sql; after: Prisma.Sql } {
  const direction = dir === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const cmp = dir === "asc" ? Prisma.sql`>` : Prisma.sql`<`;
  if (sort === "created") {
    return { orderBy: Prisma.sql`c.id ${direction}`, after: cursor ? Prisma.sql`c.id ${cmp} ${cursor}` : Prisma.sql`true` };
  }
  const key = KEYS[sort];
  const orderBy = Prisma.sql`${key.sql} ${direction}, c.id ${direction}`;
  if (!cursor) return { orderBy, after: Prisma.sql`true` };
  const [value, id] = decodeCursor(cursor);
  // A row comparison: one range on the (orgId, key, id) index.
  return { orderBy, after: Prisma.sql`(${key.sql}, c.id) ${cmp} (${value}${key.cast}, ${id})` };
}
