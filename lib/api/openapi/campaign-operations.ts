// The Campaigns operations of REST v1 (see operations.ts, which lists them with the rest): drafts,
// their plan, sending and control, and the results. Parameters in lib/api/campaigns/campaign-params.ts.
import { z } from "zod";
import {
  campaignStatsParams,
  createCampaignParams,
  pageCampaignsParams,
  scheduleCampaignParams,
} from "@/lib/api/campaigns/campaign-params";
import { SAMPLE_IDS } from "@/lib/api/openapi/examples";
import type { ApiOperation } from "@/lib/api/openapi/operations";
import { campaignCanceled, campaignList, campaignObject, campaignPlan, campaignStats } from "@/lib/api/openapi/campaign-resources";

const campaignId = z.object({ id: z.string().describe("The campaign's id") });

/** The sender number of the examples: a pool of one. */
export const SAMPLE_SENDER_ID = "snd_01jf0000000000000000000000";

// A weekend promotion to the brunch list and the engaged-VIPs segment (the segments' example), at
// 10:00 in New York, with the opt-out language for those never texted before; an A/B test of two
// wordings on 20% of the audience, the one with the better click rate sent to the rest 4 hours later.
export const CAMPAIGN_EXAMPLE = {
  name: "Weekend brunch",
  audience: { include: { list_ids: [SAMPLE_IDS.lists], segment_ids: [SAMPLE_IDS.segments] } },
  sender_ids: [SAMPLE_SENDER_ID],
  schedule: { kind: "at", local_time: "2026-11-29T10:00", zone: "America/New_York" },
  append_opt_out: "first",
  variants: [
    { body: "Hi {{first_name|there}}! Brunch is 20% off this Sunday with code SUNNY: https://example.com/brunch", media_ids: [] },
    { body: "{{first_name|there}}, Sunday brunch for less: 20% off with code SUNNY. Book: https://example.com/brunch", media_ids: [] },
  ],
  ab_test: { mode: "winner", share_percent: 20, wait_minutes: 240, metric: "clicks" },
};

const STATE =
  "A campaign in a status that does not allow it is 409 `campaign_status_conflict`, the message naming its status.";

export const CAMPAIGN_OPERATIONS: ApiOperation[] = [
  {
    id: "listCampaigns",
    method: "get",
    path: "/api/v1/campaigns",
    tag: "Campaigns",
    summary: "List campaigns",
    description: "Newest first, each with its messages by status (null before it starts). Page with `limit` and `starting_after`.",
    scope: "campaigns:read",
    query: pageCampaignsParams,
    response: { status: 200, schema: campaignList, description: "A page of campaigns" },
  },
  {
    id: "createCampaign",
    method: "post",
    path: "/api/v1/campaigns",
    tag: "Campaigns",
    summary: "Create a campaign",
    description:
      "A draft: nothing is sent until you schedule it. With `variants` and `ab_test` it is an A/B test: `split` deals the whole audience evenly across 2-5 variants; `winner` deals `share_percent` of it, and after `wait_minutes` picks the variant with the best click (or reply) rate per delivered message and sends it to the rest, explaining the choice on the campaign (`ab_test.explanation`) and its stats; a share that leaves a variant fewer than 100 recipients is refused when it is scheduled (`param` ab_test.share_percent). Checked as it is saved: an unknown merge field is 400 `unknown_merge_field` (`param` body, or variants[1].body naming variant B), a sender that is not yours `unknown_sender` (`param` sender_ids), a list or segment that is not yours `invalid_parameter` naming it (`audience.include.list_ids[0]`). Merge fields are filled in for each recipient when the message is made. With an Idempotency-Key, a retried request returns the same campaign.",
    scope: "campaigns:write",
    body: createCampaignParams,
    response: { status: 201, schema: campaignObject, description: "The draft" },
    example: CAMPAIGN_EXAMPLE,
  },
  {
    id: "getCampaign",
    method: "get",
    path: "/api/v1/campaigns/{id}",
    tag: "Campaigns",
    summary: "Get a campaign",
    description: "Its status, schedule and times, and once it has started, its recipients and its messages by status: cheap enough to poll for progress.",
    scope: "campaigns:read",
    pathParams: campaignId,
    response: { status: 200, schema: campaignObject, description: "The campaign" },
  },
  {
    id: "planCampaign",
    method: "get",
    path: "/api/v1/campaigns/{id}/plan",
    tag: "Campaigns",
    summary: "Plan a campaign",
    description:
      "What sending does, worked out now from the audience (from its recipients once started): who gets a message and who is skipped and why, duplicates across lists, segments and cost with each recipient's merge fields filled in, the share sent as UCS-2 and the characters that force it, and when the last message should go at the senders' throughput. Nothing is stored or sent.",
    scope: "campaigns:read",
    pathParams: campaignId,
    response: { status: 200, schema: campaignPlan, description: "The plan" },
  },
  {
    id: "scheduleCampaign",
    method: "post",
    path: "/api/v1/campaigns/{id}/schedule",
    tag: "Campaigns",
    summary: "Send or schedule a campaign",
    description: `Sends a draft now or at its schedule; a \`schedule\` in the body replaces the campaign's. Again before it starts, it moves the start. It is checked again first (a list, segment, sender or custom field may have gone since it was saved); a time in the past or more than a year ahead is \`invalid_send_at\`. The audience is resolved when it starts: opted-out, invalid and frequency-capped contacts are skipped then, and quiet hours hold each message until its recipient's window opens. ${STATE}`,
    scope: "campaigns:write",
    pathParams: campaignId,
    body: scheduleCampaignParams,
    response: { status: 200, schema: campaignObject, description: "The campaign, scheduled" },
    conflict: "`campaign_status_conflict`: it has started already (only a draft or a scheduled campaign can be scheduled)",
    example: { schedule: { kind: "at", local_time: "2026-11-29T10:00", zone: "America/New_York" } },
  },
  {
    id: "pauseCampaign",
    method: "post",
    path: "/api/v1/campaigns/{id}/pause",
    tag: "Campaigns",
    summary: "Pause a campaign",
    description: `A sending campaign makes no more messages, and those not yet handed to a carrier are held (counted as \`scheduled\`) until it is resumed. ${STATE}`,
    scope: "campaigns:write",
    pathParams: campaignId,
    response: { status: 200, schema: campaignObject, description: "The campaign, paused" },
    conflict: "`campaign_status_conflict`: it is not sending",
  },
  {
    id: "resumeCampaign",
    method: "post",
    path: "/api/v1/campaigns/{id}/resume",
    tag: "Campaigns",
    summary: "Resume a campaign",
    description: `A paused campaign sends again, its held messages first. ${STATE}`,
    scope: "campaigns:write",
    pathParams: campaignId,
    response: { status: 200, schema: campaignObject, description: "The campaign, sending" },
    conflict: "`campaign_status_conflict`: it is not paused",
  },
  {
    id: "cancelCampaign",
    method: "post",
    path: "/api/v1/campaigns/{id}/cancel",
    tag: "Campaigns",
    summary: "Cancel a campaign",
    description: `Every message still waiting is canceled and no more are made; messages already with a carrier go on. Answers how many messages were canceled and how many recipients never got one. A draft, scheduled, sending or paused campaign can be canceled. ${STATE}`,
    scope: "campaigns:write",
    pathParams: campaignId,
    response: { status: 200, schema: campaignCanceled, description: "The campaign, canceled, with the counts" },
    conflict: "`campaign_status_conflict`: it has completed or is canceled already",
  },
  {
    id: "getCampaignStats",
    method: "get",
    path: "/api/v1/campaigns/{id}/stats",
    tag: "Campaigns",
    summary: "Get a campaign's stats",
    description:
      "The funnel: recipients, skipped by reason, then messages waiting, queued, sent, delivered, undelivered, failed and canceled, recipients who clicked a tracked link (unique, and clicks in all: people only, link previews and scanners not counted), and recipients who replied or opted out within `reply_days` of their message; with the delivery, click, reply and opt-out rates of the messages sent. Counted now, so it grows as receipts and replies come in.",
    scope: "campaigns:read",
    pathParams: campaignId,
    query: campaignStatsParams,
    response: { status: 200, schema: campaignStats, description: "The stats" },
  },
];
