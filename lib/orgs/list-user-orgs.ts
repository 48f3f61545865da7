import type { Db } from "@/lib/db/client";

/** The organisations a user belongs to, with their role, oldest membership first. */
export async function listUserOrgs(db: Db, userId: string) {
  const memberships = await db.membership.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { role: true, org: { select: { id: true, name: true } } },
  });
  return memberships.map((m) => ({ ...m.org, role: m.role }));
}
