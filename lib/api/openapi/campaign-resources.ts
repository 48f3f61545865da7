// The campaign shapes the API answers with (lib/api/campaigns/serialize-campaign.ts is checked against
// them in tests/unit/openapi.test.ts): a campaign, its list, the answer to a cancel, its plan and its stats.
import { z } from "zod";
import { time } from "@/lib/api/openapi/resources";

const campaignStatus = z.enum(["draft", "scheduled", "sending", "paused", "completed", "canceled"]);
const skippedCounts = z
  .strictObject({ opted_out: z.number().int(), invalid_number: z.number().int().describe("Not a valid E.164 number"), frequency_capped: z.number().int().describe("Over your frequency cap") })
  .describe("Contacts of the audience who get no message, by reason");

export const campaignObject = z
  .strictObject({
    id: z.string().describe("cmp_..."),
    object: z.literal("campaign"),
    name: z.string(),
    status: campaignStatus.describe("draft → scheduled → sending ⇄ paused → completed; or canceled"),
    body: z.string(),
    media_ids: z.array(z.string()),
    audience: z.strictObject({
      include: z.strictObject({ list_ids: z.array(z.string()), segment_ids: z.array(z.string()) }),
      exclude: z.strictObject({ list_ids: z.array(z.string()), segment_ids: z.array(z.string()) }),
    }),
    sender_ids: z.array(z.string()),
    schedule: z
      .strictObject({
        kind: z.enum(["now", "at", "local", "spread"]),
        local_time: z.string().optional(),
        zone: z.string().optional(),
        fallback_zone: z.string().optional(),
        hours: z.number().int().optional(),
      })
      .describe("As it was given: only the fields its kind takes"),
    append_opt_out: z.enum(["off", "first", "every"]).describe("Who gets the opt-out language: nobody, the recipients the organisation never texted marketing before, or everyone"),
    variants: z
      .array(z.strictObject({ variant: z.string().describe("A to E"), body: z.string(), media_ids: z.array(z.string()) }))
      .describe("An A/B test's variants, A first (A is also body and media_ids); empty for one message"),
    ab_test: z
      .strictObject({
        mode: z.enum(["split", "winner"]),
        share_percent: z.number().int().nullable().describe("winner: the share of the audience tested"),
        wait_minutes: z.number().int().nullable().describe("winner: minutes from the start to the decision"),
        metric: z.enum(["clicks", "replies"]).nullable().describe("winner: what the winner is picked by"),
        decide_at: time.nullable().describe("winner: when the winner is picked (set at the start)"),
        winner: z.string().nullable().describe("winner: the variant picked (A to E), once picked; the rest get its message"),
        decided_at: time.nullable(),
        explanation: z.string().nullable().describe("Why it won, with the rates and the counts behind them; says so when it was a tie or too few to be sure"),
        decision: z
          .strictObject({
            tie: z.boolean(),
            too_few: z.boolean().describe("A variant had fewer than 100 delivered"),
            variants: z.array(z.strictObject({ variant: z.string(), delivered: z.number().int(), clicked: z.number().int(), replied: z.number().int() })),
          })
          .nullable()
          .describe("The test share's counts the winner was picked on"),
      })
      .nullable()
      .describe("The A/B test; null for one message"),
    track_links: z.boolean().describe("Its links are replaced by short links per recipient, and their clicks recorded"),
    utm_parameters: z.boolean().describe("UTM parameters are added to its links' destinations"),
    recipients: z.number().int().nullable().describe("Contacts getting a message, counted when it started; null before"),
    messages: z
      .strictObject({
        scheduled: z.number().int().describe("Held: paused, or waiting for the recipient's quiet hours to end"),
        queued: z.number().int(),
        sending: z.number().int(),
        sent: z.number().int(),
        delivered: z.number().int(),
        undelivered: z.number().int(),
        failed: z.number().int(),
        canceled: z.number().int(),
      })
      .nullable()
      .describe("Its messages by status now; null before it starts"),
    start_at: time.nullable().describe("When it starts (or started); null for a draft"),
    started_at: time.nullable(),
    completed_at: time.nullable(),
    canceled_at: time.nullable(),
    created_at: time,
    updated_at: time,
  })
  .meta({ id: "Campaign" });

export const campaignList = z
  .strictObject({ data: z.array(campaignObject), has_more: z.boolean(), next_cursor: z.string().nullable() })
  .meta({ id: "CampaignList" });

export const campaignCanceled = campaignObject
  .extend({
    canceled_messages: z.number().int().describe("Messages that were waiting and are now canceled"),
    not_sent: z.number().int().describe("Recipients who never got a message made"),
  })
  .meta({ id: "CanceledCampaign" });

export const campaignPlan = z
  .strictObject({
    object: z.literal("campaign_plan"),
    campaign_id: z.string(),
    recipients: z.number().int().describe("Contacts who get a message"),
    skipped: skippedCounts,
    duplicates: z.number().int().describe("Contacts in more than one included list or segment (each gets one message)"),
    segments: z.number().int().describe("SMS segments of all the messages, each recipient's merge fields filled in (an MMS counts 1)"),
    cost_micros: z.number().int().describe("Price of all the messages, in millionths of the currency unit"),
    by_segments: z.array(z.strictObject({ segments: z.number().int(), recipients: z.number().int() })).describe("Recipients by the segments their message takes"),
    ucs2: z
      .strictObject({ recipients: z.number().int(), share: z.number().describe("0 to 1"), characters: z.array(z.string()).describe("The characters that force UCS-2, commonest first") })
      .nullable()
      .describe("Messages sent as UCS-2 (fewer characters a segment); null when none"),
    warning: z.string().nullable(),
    opt_out: z.number().int().describe("Recipients whose message ends with the opt-out language (append_opt_out)"),
    held_at_start: z.number().int().describe("Recipients in their quiet hours when their message is due: it goes when their window opens"),
    held_until_local: z.string().nullable().describe("The earliest local time (HH:MM) those windows open; null when none is held"),
    start_at: time,
    finish_at: time.nullable().describe("When the last message should go, at the senders' throughput through each recipient's quiet hours; null with recipients: more than 60 days"),
    senders: z.array(
      z.strictObject({ id: z.string(), address: z.string(), throughput: z.number().int().describe("Messages a second"), recipients: z.number().int(), finish_at: time.nullable() }),
    ),
    ab_test: z
      .strictObject({
        mode: z.enum(["split", "winner"]),
        share_percent: z.number().int().nullable(),
        wait_minutes: z.number().int().nullable(),
        metric: z.enum(["clicks", "replies"]).nullable(),
        variants: z
          .array(z.strictObject({ variant: z.string(), recipients: z.number().int(), segments: z.number().int(), cost_micros: z.number().int() }))
          .describe("Each variant's recipients (of the test share, for winner), with their segments and cost"),
        test: z.number().int().nullable().describe("winner: recipients of the test share"),
        rest: z.number().int().nullable().describe("winner: recipients who get the winner's message after the decision"),
        decide_at: time.nullable().describe("winner: when the winner is picked; finish_at includes the wait"),
        cost_at_most: z.boolean().describe("segments and cost_micros count the rest at the costliest variant: an upper bound"),
        too_few: z.string().nullable().describe("Why it cannot be scheduled as it is (too few recipients to test), or null"),
      })
      .nullable()
      .describe("The A/B test's part of the plan; null without one"),
  })
  .meta({ id: "CampaignPlan" });

const rateOf = (what: string) => z.number().nullable().describe(`${what} of the messages sent, 0 to 1; null before any is sent`);

export const campaignStats = z
  .strictObject({
    object: z.literal("campaign_stats"),
    campaign_id: z.string(),
    status: campaignStatus,
    started_at: time.nullable(),
    completed_at: time.nullable(),
    reply_days: z.number().int(),
    funnel: z.strictObject({
      recipients: z.number().int(),
      skipped: skippedCounts,
      duplicates: z.number().int(),
      waiting: z.number().int().describe("Recipients whose message is not made yet"),
      held: z.number().int().describe("Made and held: until the recipient's quiet hours end, or while the campaign is paused"),
      queued: z.number().int().describe("Made, waiting for or in the hands of the dispatcher"),
      sent: z.number().int().describe("Handed to a carrier, delivered and undelivered included"),
      delivered: z.number().int(),
      undelivered: z.number().int(),
      failed: z.number().int(),
      canceled: z.number().int(),
      clicked: z.number().int().describe("Recipients who clicked one of its tracked links (link previews, security scanners and clicks within seconds of delivery not counted)"),
      clicks: z.number().int().describe("Clicks of its tracked links by people, every one (a recipient may click several times)"),
      replied: z.number().int().describe("Recipients who texted back within reply_days of their message"),
      opted_out: z.number().int().describe("Recipients who opted out within reply_days of their message"),
    }),
    rates: z.strictObject({ delivery: rateOf("Delivered"), click: rateOf("Clicked (unique)"), reply: rateOf("Replied"), opt_out: rateOf("Opted out") }),
    variants: z
      .array(
        z.strictObject({
          variant: z.string().describe("A to E; rest: the rest of a test then winner, who got the winner's message after the decision"),
          recipients: z.number().int(),
          sent: z.number().int(),
          delivered: z.number().int(),
          clicked: z.number().int().describe("Delivered messages with a human click (link previews and scanners left out)"),
          replied: z.number().int().describe("Delivered messages replied to within reply_days"),
          opted_out: z.number().int(),
          rates: z.strictObject({
            delivery: z.number().nullable().describe("Of sent"),
            click: z.number().nullable().describe("Of delivered: what a winner is picked by"),
            reply: z.number().nullable().describe("Of delivered: what a winner is picked by"),
            opt_out: z.number().nullable().describe("Of sent"),
          }),
        }),
      )
      .describe("An A/B campaign's results per variant; empty otherwise"),
    winner: z.string().nullable().describe("A test then winner's winner, once picked"),
    explanation: z.string().nullable().describe("Why the winner won, with the counts behind it"),
  })
  .meta({ id: "CampaignStats" });
