import { campaignProgress } from "@/lib/campaigns/campaign-progress";
import { campaignMedia } from "@/lib/campaigns/campaign-media";
import { campaignRecipients } from "@/lib/campaigns/campaign-recipients";
import { campaignClickTimeline, campaignFailures, campaignTimeline } from "@/lib/campaigns/campaign-results";
import { campaignStats } from "@/lib/campaigns/campaign-stats";
import {
  campaignIdInput,
  campaignStatsInput,
  createCampaignInput,
  listCampaignsInput,
  scheduleCampaignInput,
  updateCampaignInput,
} from "@/lib/campaigns/campaign-input";
import { cancelCampaign, pauseCampaign, resumeCampaign } from "@/lib/campaigns/control-campaign";
import { listCampaigns } from "@/lib/campaigns/list-campaigns";
import { createCampaign, getCampaign, updateCampaign } from "@/lib/campaigns/manage-campaigns";
import { planCampaign } from "@/lib/campaigns/plan-campaign";
import { scheduleCampaign } from "@/lib/campaigns/schedule-campaign";
import { campaignRecipientsInput } from "@/lib/campaigns/results-input";
import { createTRPCRouter, orgProcedure } from "@/lib/trpc/init";

// Members draft, send and control campaigns, as they send messages (messages.send is a member's).
export const campaignsRouter = createTRPCRouter({
  list: orgProcedure.input(listCampaignsInput).query(({ ctx, input }) => listCampaigns(ctx.org, input)),
  get: orgProcedure.input(campaignIdInput).query(({ ctx, input }) => getCampaign(ctx.org, input)),
  create: orgProcedure.input(createCampaignInput).mutation(({ ctx, input }) => createCampaign(ctx.org, input)),
  update: orgProcedure.input(updateCampaignInput).mutation(({ ctx, input }) => updateCampaign(ctx.org, input)),
  /** What sending would do: recipients, skipped by reason, segments, cost, encoding, finish time. */
  plan: orgProcedure.input(campaignIdInput).query(({ ctx, input }) => planCampaign(ctx.org, input)),
  /** Send now or at the schedule; again before the start to change the schedule. */
  schedule: orgProcedure.input(scheduleCampaignInput).mutation(({ ctx, input }) => scheduleCampaign(ctx.org, input)),
  pause: orgProcedure.input(campaignIdInput).mutation(({ ctx, input }) => pauseCampaign(ctx.org, input)),
  resume: orgProcedure.input(campaignIdInput).mutation(({ ctx, input }) => resumeCampaign(ctx.org, input)),
  cancel: orgProcedure.input(campaignIdInput).mutation(({ ctx, input }) => cancelCampaign(ctx.org, input)),
  /** Counts by status, for a progress bar polled every few seconds. */
  progress: orgProcedure.input(campaignIdInput).query(({ ctx, input }) => campaignProgress(ctx.org, input)),
  stats: orgProcedure.input(campaignStatsInput).query(({ ctx, input }) => campaignStats(ctx.org, input)),
  /** The draft's attachments, for its editor. */
  media: orgProcedure.input(campaignIdInput).query(({ ctx, input }) => campaignMedia(ctx.org, input)),
  /** Sent, delivered and failed per minute or hour: the results page's chart. */
  timeline: orgProcedure.input(campaignIdInput).query(({ ctx, input }) => campaignTimeline(ctx.org, input)),
  failures: orgProcedure.input(campaignIdInput).query(({ ctx, input }) => campaignFailures(ctx.org, input)),
  clicks: orgProcedure.input(campaignIdInput).query(({ ctx, input }) => campaignClickTimeline(ctx.org, input)),
  recipients: orgProcedure.input(campaignRecipientsInput).query(({ ctx, input }) => campaignRecipients(ctx.org, input)),
});
