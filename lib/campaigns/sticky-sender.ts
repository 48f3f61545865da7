// Which sender of a pool a contact hears from: the sender with the highest md5(contact id ‖ sender
// id) (rendezvous hashing). The same contact gets the same number in every campaign from the same
// pool, whatever the pool's order; when the pool changes, only the contacts of a sender taken out
// move (to their next-highest), and a sender added takes about 1/n of the contacts from the others,
// no more. A campaign fixes each recipient's sender when its audience is resolved (CampaignRecipient).
import { Prisma } from "@/lib/generated/prisma/client";

/** SQL: the pool's sender for the contact id `contactId` (an expression). */
// An expression, not a subquery over the pool: a subquery sorting the pool for every contact cost
// three times the rest of the audience's SELECT (measured at 200k contacts, a pool of three).
export function stickySender(contactId: Prisma.Sql, pool: string[]): Prisma.Sql {
  if (pool.length === 0) return Prisma.sql`NULL::text`;
  if (pool.length === 1) return Prisma.sql`${pool[0]}::text`;
  const score = (sender: string) => Prisma.sql`md5(${contactId} || ${sender}::text)`;
  const cases = pool.map((sender) => Prisma.sql`WHEN ${score(sender)} THEN ${sender}::text`);
  return Prisma.sql`(CASE greatest(${Prisma.join(pool.map(score))}) ${Prisma.join(cases, " ")} END)`;
}
