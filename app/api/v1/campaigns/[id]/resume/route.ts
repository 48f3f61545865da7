// POST /api/v1/campaigns/{id}/resume: a paused campaign sends again, its held messages first.
import { apiRoute } from "@/lib/api/api-route";
import { campaignAnswer } from "@/lib/api/campaigns/serialize-campaign";
import { resumeCampaign } from "@/lib/campaigns/control-campaign";

export const POST = apiRoute<{ id: string }>("campaigns:write", async ({ ctx, params }) => ({
  status: 200,
  body: await campaignAnswer(ctx, await resumeCampaign(ctx, { id: params.id })),
}));
