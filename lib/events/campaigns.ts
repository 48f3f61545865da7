// Events of campaigns (lib/campaigns/), each defined once with the SDK's eventType() and the zod
// schema of its data (see members.ts).
import { eventType } from "inngest";
import { z } from "zod";

/**
 * Fan the campaign out into messages (lib/jobs/fan-out-campaign.ts). `startAt`, when given, is the
 * start the run waits for: a run whose campaign was rescheduled meanwhile ends when it wakes.
 */
export const campaignFanOutRequested = eventType("campaigns/fan-out.requested", {
  schema: z.object({ orgId: z.string().min(1), campaignId: z.string().min(1), startAt: z.iso.datetime().optional() }),
});
