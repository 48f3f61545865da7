// A segment rule about another table (list memberships, messages) as "the contact is in this set of
// contact ids", in the form PostgreSQL runs best where the rule sits (compile-segment.ts's header):
// - "join": under AND groups only: EXISTS / NOT EXISTS correlated on c.id, which the planner pulls
//   up to a semi- or anti-join (a hash join over the whole set, read once).
// - "hashed": under an OR: `c.id IN (set)`, uncorrelated, which the planner builds once into a hash
//   table (a hashed SubPlan) and probes per contact. An EXISTS there stays a subquery per contact
//   unless the planner picks its hashed alternative, which it only does when the set fits work_mem.
// - "correlated": for one contact: the EXISTS, an index probe for that contact.
// The set never holds NULL ("contactId" IS NOT NULL where the column allows it), so `NOT (c.id IN
// ...)` is exactly "not in the set" (NOT IN over a set holding NULL is never true).
import { Prisma } from "@/lib/generated/prisma/client";

export type SetShape = "join" | "hashed" | "correlated";

/**
 * `ids`: a SELECT of one column named "contactId" (no NULLs), bound to the org. The expression is
 * true when c.id is in it (negate: when it is not). Never NULL.
 */
export function contactSet(ids: Prisma.Sql, { shape, negate }: { shape: SetShape; negate: boolean }): Prisma.Sql {
  if (shape === "hashed") return negate ? Prisma.sql`NOT (c.id IN (${ids}))` : Prisma.sql`c.id IN (${ids})`;
  // A subquery in FROM without aggregates is flattened, so c.id reaches the set's own index.
  const exists = Prisma.sql`EXISTS (SELECT 1 FROM (${ids}) s WHERE s."contactId" = c.id)`;
  return negate ? Prisma.sql`NOT ${exists}` : exists;
}
