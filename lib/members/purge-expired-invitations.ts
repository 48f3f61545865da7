// Housekeeping for every org: invitations that expired unused stop cluttering the table after a
// grace period. Accepted ones stay (the audit log refers to them).
import type { Db } from "@/lib/db/client";

export const INVITATION_GRACE_DAYS = 30;

export async function purgeExpiredInvitations(db: Db, graceDays = INVITATION_GRACE_DAYS, now = new Date()) {
  const cutoff = new Date(now.getTime() - graceDays * 86_400_000);
  const { count } = await db.invitation.deleteMany({ where: { acceptedAt: null, expiresAt: { lt: cutoff } } });
  return { deleted: count };
}
