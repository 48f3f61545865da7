// Which sender of a pool a contact hears from: the sender with the highest md5(contact id ‖ sender
// id) (rendezvous hashing). The same contact gets the same number in every campaign from the same
// pool, whatever the pool's order; when the pool changes, only the contacts of a sender taken out
// move (to their next-highest), and a sender added takes about 1/n of the contacts from the others,
// no more. A campaign fixes each recipient's sender when its audience is resolved (CampaignRecipient).
import { Prisma } from "@/lib/generated/prisma/client";

/** SQL: the pool's sender for the contact id `contactId` (an expression). */
export function stickySender(contactId: Prisma.Sql, pool: string[]): Prisma.Sql {
  if (pool.length === 1) return Prisma.sql`${pool[0]}::text`;
  return Prisma.sql`(SELECT s FROM unnest(${pool}::text[]) s ORDER BY md5(${contactId} || s) DESC LIMIT 1)`;
}
