// Scheduled campaigns whose start is well past: their fan-out was never asked for (the app died
// between the schedule's commit and its event) or its run was lost. Asking again is safe: the start
// is idempotent under the campaign's row lock, and the chunks are exactly once.
import type { Db } from "@/lib/db/client";

export const OVERDUE_AFTER_MS = 5 * 60_000;

export async function overdueCampaigns(db: Db, now = new Date()) {
  const rows = await db.campaign.findMany({
    where: { status: "SCHEDULED", startAt: { lt: new Date(now.getTime() - OVERDUE_AFTER_MS) } },
    select: { id: true, orgId: true, startAt: true },
    orderBy: { startAt: "asc" },
    take: 1_000,
  });
  return rows.map((r) => ({ orgId: r.orgId, campaignId: r.id, startAt: r.startAt!.toISOString() }));
}
