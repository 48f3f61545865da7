// GET /api/v1/campaigns: campaigns, newest first, each with its message counts. POST: create a
// draft (checked as the UI's drafts are: senders, media, merge fields, lists and segments); nothing
// is sent until it is scheduled (POST /api/v1/campaigns/{id}/schedule).
import { apiRoute } from "@/lib/api/api-route";
import { createCampaignParams, pageCampaignsParams, toCreateCampaignInput } from "@/lib/api/campaigns/campaign-params";
import { serializeCampaign } from "@/lib/api/campaigns/serialize-campaign";
import { page } from "@/lib/api/pagination";
import { parseJsonBody, parseQuery } from "@/lib/api/parse-input";
import { listCampaigns } from "@/lib/campaigns/list-campaigns";
import { createCampaign } from "@/lib/campaigns/manage-campaigns";

export const GET = apiRoute("campaigns:read", async ({ ctx, url }) => {
  const { limit, starting_after } = parseQuery(pageCampaignsParams, url);
  const { items, nextCursor } = await listCampaigns(ctx, { limit, cursor: starting_after });
  return { status: 200, body: page(items, nextCursor, (c) => serializeCampaign(c, c.messages)) };
});

export const POST = apiRoute("campaigns:write", async ({ ctx, body }) => ({
  status: 201,
  body: serializeCampaign(await createCampaign(ctx, toCreateCampaignInput(parseJsonBody(createCampaignParams, body))), null),
}));
