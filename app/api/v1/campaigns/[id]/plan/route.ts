// GET /api/v1/campaigns/{id}/plan: what sending does (a draft's, or a started campaign's from its
// recipients): recipients, skipped by reason, duplicates, segments, cost, UCS-2 share, finish time.
import { apiRoute } from "@/lib/api/api-route";
import { serializeCampaignPlan } from "@/lib/api/campaigns/serialize-campaign";
import { planCampaign } from "@/lib/campaigns/plan-campaign";

export const GET = apiRoute<{ id: string }>("campaigns:read", async ({ ctx, params }) => ({
  status: 200,
  body: serializeCampaignPlan(params.id, await planCampaign(ctx, { id: params.id })),
}));
