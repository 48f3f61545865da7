// The org's campaigns, newest first in keyset pages on the time-ordered id, each with its key counts:
// a completed campaign's as it completed (stored), a sending, paused or canceled one's counted now,
// for the page's campaigns in one grouped statement; drafts and scheduled ones have none yet.
import type { z } from "zod";
import { listCampaignsInput } from "@/lib/campaigns/campaign-input";
import type { CampaignCounts } from "@/lib/campaigns/campaign-progress";
import { campaignOf } from "@/lib/campaigns/manage-campaigns";
import type { MessageStatus } from "@/lib/generated/prisma/enums";
import type { OrgContext } from "@/lib/org-context";

export async function listCampaigns(ctx: OrgContext, raw: z.input<typeof listCampaignsInput>) {
  const { limit, cursor } = listCampaignsInput.parse(raw);
  const rows = await ctx.db.campaign.findMany({ where: cursor ? { id: { lt: cursor } } : {}, orderBy: { id: "desc" }, take: limit + 1 });
  const page = rows.slice(0, limit);
  const live = page.filter((c) => c.resolvedAt && !c.finalCounts).map((c) => c.id);
  const counted = live.length
    ? await ctx.db.$queryRaw<{ campaignId: string; status: MessageStatus; count: number }[]>`
        SELECT "campaignId", status, count(*)::int AS count FROM "Message"
        WHERE "orgId" = ${ctx.orgId} AND "campaignId" = ANY(${live}::text[]) GROUP BY 1, 2`
    : [];
  const messages = new Map<string, Partial<Record<MessageStatus, number>>>();
  for (const r of counted) messages.set(r.campaignId, { ...messages.get(r.campaignId), [r.status]: r.count });
  const items = page.map((row) => {
    const { finalCounts, ...campaign } = campaignOf(row);
    const stored = finalCounts as CampaignCounts | null;
    return { ...campaign, messages: stored?.messages ?? (row.resolvedAt ? (messages.get(row.id) ?? {}) : null) };
  });
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
}
