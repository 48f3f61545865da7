// Campaigns whose fan-out should be running and is not: a scheduled one well past its start (the
// app died between the schedule's commit and its event, or the run was lost), and a sending one with
// recipients long due and nothing of it queued (its run died, e.g. after spending its retries: a live
// run makes due recipients' messages within seconds whenever the queue has room), or an A/B test
// then winner long past its decision time and not decided (its run died while it waited). Asking again is
// safe: the start is idempotent under the campaign's row lock, and the chunks are exactly once.
import type { Db } from "@/lib/db/client";

export const OVERDUE_AFTER_MS = 5 * 60_000;
export const STALLED_AFTER_MS = 10 * 60_000;

/** Each as its fan-out event's data: a scheduled one with the start its run waits for. */
export async function overdueCampaigns(db: Db, now = new Date()): Promise<{ orgId: string; campaignId: string; startAt?: string }[]> {
  const stalledBefore = new Date(now.getTime() - STALLED_AFTER_MS);
  const [scheduled, stalled] = await Promise.all([
    db.campaign.findMany({
      where: { status: "SCHEDULED", startAt: { lt: new Date(now.getTime() - OVERDUE_AFTER_MS) } },
      select: { id: true, orgId: true, startAt: true },
      orderBy: { startAt: "asc" },
      take: 1_000,
    }),
    db.campaign.findMany({
      where: {
        status: "SENDING",
        OR: [
          { recipientRows: { some: { messageId: null, skipReason: null, sendAt: { lt: stalledBefore } } }, messages: { none: { status: "QUEUED" } } },
          { winnerVariant: null, decideAt: { lt: stalledBefore } },
        ],
      },
      select: { id: true, orgId: true },
      take: 1_000,
    }),
  ]);
  return [
    ...scheduled.map((r) => ({ orgId: r.orgId, campaignId: r.id, startAt: r.startAt!.toISOString() })),
    ...stalled.map((r) => ({ orgId: r.orgId, campaignId: r.id })),
  ];
}
