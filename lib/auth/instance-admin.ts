import type { Db } from "@/lib/db/client";

/** Whether the user administers the installation (the Jobs page), read fresh from the database. */
export async function isInstanceAdmin(db: Db, userId: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { isInstanceAdmin: true } });
  return user?.isInstanceAdmin ?? false;
}
