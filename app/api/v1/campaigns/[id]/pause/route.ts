// POST /api/v1/campaigns/{id}/pause: no more messages made; those not yet handed to a carrier held
// (counted as scheduled) until it is resumed.
import { apiRoute } from "@/lib/api/api-route";
import { campaignAnswer } from "@/lib/api/campaigns/serialize-campaign";
import { pauseCampaign } from "@/lib/campaigns/control-campaign";

export const POST = apiRoute<{ id: string }>("campaigns:write", async ({ ctx, params }) => ({
  status: 200,
  body: await campaignAnswer(ctx, await pauseCampaign(ctx, { id: params.id })),
}));
