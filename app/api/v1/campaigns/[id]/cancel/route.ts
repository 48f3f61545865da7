// POST /api/v1/campaigns/{id}/cancel: every message still waiting canceled and no more made;
// answers the campaign with how many messages were canceled and how many recipients never got one.
import { apiRoute } from "@/lib/api/api-route";
import { campaignAnswer } from "@/lib/api/campaigns/serialize-campaign";
import { cancelCampaign } from "@/lib/campaigns/control-campaign";

export const POST = apiRoute<{ id: string }>("campaigns:write", async ({ ctx, params }) => {
  const canceled = await cancelCampaign(ctx, { id: params.id });
  return { status: 200, body: { ...(await campaignAnswer(ctx, canceled)), canceled_messages: canceled.canceled, not_sent: canceled.notSent } };
});
