// POST /api/v1/campaigns/{id}/schedule: send a draft, now or at its schedule (or the one given,
// which replaces it); again before its start to move it. Checked again first: a list, segment,
// sender or custom field may have gone since the draft was saved.
import { apiRoute } from "@/lib/api/api-route";
import { scheduleCampaignParams, toSchedule } from "@/lib/api/campaigns/campaign-params";
import { serializeCampaign } from "@/lib/api/campaigns/serialize-campaign";
import { parseJsonBody } from "@/lib/api/parse-input";
import { scheduleCampaign } from "@/lib/campaigns/schedule-campaign";

export const POST = apiRoute<{ id: string }>("campaigns:write", async ({ ctx, params, body }) => {
  // No body is the campaign's own schedule.
  const { schedule } = body === undefined ? {} : parseJsonBody(scheduleCampaignParams, body);
  const campaign = await scheduleCampaign(ctx, { id: params.id, schedule: schedule && toSchedule(schedule) });
  return { status: 200, body: serializeCampaign(campaign, null) };
});
