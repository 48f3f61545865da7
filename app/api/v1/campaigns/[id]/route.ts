// GET /api/v1/campaigns/{id}: the campaign, its status and times, and its messages by status.
import { apiRoute } from "@/lib/api/api-route";
import { serializeCampaign } from "@/lib/api/campaigns/serialize-campaign";
import { campaignProgress } from "@/lib/campaigns/campaign-progress";

export const GET = apiRoute<{ id: string }>("campaigns:read", async ({ ctx, params }) => {
  const { campaign, counts } = await campaignProgress(ctx, { id: params.id });
  return { status: 200, body: serializeCampaign(campaign, counts.messages) };
});
