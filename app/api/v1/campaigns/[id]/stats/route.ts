// GET /api/v1/campaigns/{id}/stats: the funnel (recipients, skipped, sent, delivered, failed,
// replied, opted out) and its rates; replies and opt-outs count within `reply_days` of a message.
import { apiRoute } from "@/lib/api/api-route";
import { campaignStatsParams } from "@/lib/api/campaigns/campaign-params";
import { serializeCampaignStats } from "@/lib/api/campaigns/serialize-campaign";
import { parseQuery } from "@/lib/api/parse-input";
import { campaignStats } from "@/lib/campaigns/campaign-stats";

export const GET = apiRoute<{ id: string }>("campaigns:read", async ({ ctx, params, url }) => {
  const { reply_days } = parseQuery(campaignStatsParams, url);
  return { status: 200, body: serializeCampaignStats(await campaignStats(ctx, { id: params.id, replyDays: reply_days })) };
});
