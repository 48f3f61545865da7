// The campaigns resource's parameters in the API's snake_case, built from the campaign input model's
// own schemas (lib/campaigns/campaign-input.ts) and mapped to the domain inputs here. The schedule is
// one flat object on the wire (each field says which kinds take it), so the docs can show it as a
// table; the domain's schedule schema then checks it as the union it is, and its errors name the
// field in the API's spelling (schedule.local_time) through apiParam.
import { z } from "zod";
import { paginationParams } from "@/lib/api/pagination";
import {
  AB_METRICS,
  abTestInput,
  audienceInput,
  createCampaignInput,
  DEFAULT_REPLY_DAYS,
  MAX_REPLY_DAYS,
  MAX_SPREAD_HOURS,
  MAX_VARIANTS,
  variantInput,
  wallTime,
  zone,
  type Audience,
  type Schedule,
} from "@/lib/campaigns/campaign-input";

const create = createCampaignInput.shape;
const side = audienceInput.shape.include.shape;

const audienceSide = (what: string) =>
  z.strictObject({
    list_ids: side.listIds.describe(`Lists (lst_...) whose contacts ${what}`),
    segment_ids: side.segmentIds.describe(`Saved segments (seg_...) whose contacts ${what}, evaluated when the campaign starts`),
  });

export const audienceParams = z
  .strictObject({
    include: audienceSide("get the message").describe("At least one list or segment; a contact in several gets one message"),
    exclude: audienceSide("are left out").optional().describe("Left out even when included"),
  })
  .describe("Who gets it. Opted-out contacts, numbers that are not valid E.164 and contacts over your frequency cap are skipped when it starts");

export const scheduleParams = z
  .strictObject({
    kind: z
      .enum(["now", "at", "local", "spread"])
      .describe("now: when it is sent; at: local_time in zone; local: local_time in each recipient's own zone; spread: evenly over hours"),
    local_time: wallTime.optional().describe("at, local: required; spread: when to start (with zone). A wall time like 2026-12-15T10:00, at most a year ahead"),
    zone: zone.optional().describe("at: required; spread: with local_time. An IANA zone like America/New_York"),
    fallback_zone: zone.optional().describe("local: required. The zone of contacts whose own zone is unknown"),
    hours: z.number().int().min(1).max(MAX_SPREAD_HOURS).optional().describe("spread: required. Hours to spread the messages over"),
  })
  .describe("When it goes out once you send it with the schedule operation; default now");

const winnerShape = abTestInput.options[1].shape;

/** An A/B test's variants on the wire; the domain checks their number and content, naming the variant. */
export const variantsParams = z
  .array(
    z.strictObject({
      body: variantInput.shape.body.describe("The variant's text, with merge fields as in body"),
      media_ids: variantInput.shape.mediaIds.describe("The variant's media (med_...)"),
    }),
  )
  .max(MAX_VARIANTS)
  .describe(`An A/B test: 2 to ${MAX_VARIANTS} variants, A first (then body and media_ids are not given: variant A is the campaign's message). Requires ab_test`);

export const abTestParams = z
  .discriminatedUnion("mode", [
    z.strictObject({ mode: z.literal("split").describe("The whole audience evenly across the variants") }),
    z.strictObject({
      mode: z.literal("winner").describe("A share of the audience evenly, then the best variant to the rest"),
      share_percent: winnerShape.sharePercent.unwrap().optional().describe("The share of the audience tested (5-50, default 20); each variant needs at least 100 recipients of it"),
      wait_minutes: winnerShape.waitMinutes.unwrap().optional().describe("Minutes between the start and the decision (1 to 10,080, default 240)"),
      metric: z.enum(AB_METRICS).optional().describe("What the winner is picked by: clicks (human clicks per delivered message, the default) or replies (replies per delivered)"),
    }),
  ])
  .describe("How the variants are used; required with variants. A winner campaign is sent now or at a time (not local or spread)");

export const createCampaignParams = z.strictObject({
  name: create.name.describe("For you; recipients never see it"),
  body: create.body.describe(
    "The text. Merge fields (`{{first_name|there}}`, `{{custom.points}}`) are filled in for each recipient; an unknown one is `unknown_merge_field`. A body, media or both",
  ),
  media_ids: create.mediaIds.describe("Media (med_...) from the upload operation: makes it an MMS, so every sender must take MMS"),
  audience: audienceParams,
  sender_ids: create.senderIds.describe("One sender number (snd_...), or a pool: each contact always hears from the same one"),
  schedule: scheduleParams.optional(),
  append_opt_out: create.appendOptOut.describe(
    "Append your organisation's opt-out language (\"Reply STOP to opt out\"): `first` (the default) to recipients it never sent a marketing text before, `every` to all, `off` to none",
  ),
  variants: variantsParams.optional(),
  ab_test: abTestParams.optional(),
  track_links: create.trackLinks.describe(
    "Replace each http(s) link in the text by a short link on this app's domain (APP_URL/l/<code>), one per recipient, and record its clicks; default true",
  ),
  utm_parameters: create.utmParameters.describe(
    "With track_links: add utm_source=textstack, utm_medium=sms and utm_campaign=<the name as a slug> to each link's destination, keeping any the link has; default true",
  ),
});

/** Sending: at the campaign's schedule, or at this one (which replaces it). */
export const scheduleCampaignParams = z.strictObject({
  schedule: scheduleParams.optional().describe("A new schedule; without it, the campaign's own"),
});

export const pageCampaignsParams = z.strictObject({ ...paginationParams });

export const campaignStatsParams = z.strictObject({
  reply_days: z.coerce
    .number("must be a number")
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(MAX_REPLY_DAYS, `must be at most ${MAX_REPLY_DAYS}`)
    .default(DEFAULT_REPLY_DAYS)
    .describe("A reply or opt-out within this many days of a recipient's message counts as the campaign's"),
});

const toAudience = (p: z.output<typeof audienceParams>): Audience => {
  const ids = (s: { list_ids: string[]; segment_ids: string[] }) => ({ listIds: s.list_ids, segmentIds: s.segment_ids });
  return { include: ids(p.include), exclude: ids(p.exclude ?? { list_ids: [], segment_ids: [] }) };
};

/** The wire's flat schedule as the domain's union; the domain's schema refuses what a kind does not take. */
export function toSchedule(p: z.output<typeof scheduleParams>): Schedule {
  const fields = { kind: p.kind, localTime: p.local_time, zone: p.zone, fallbackZone: p.fallback_zone, hours: p.hours };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Schedule;
}

export const toCreateCampaignInput = (p: z.output<typeof createCampaignParams>): z.input<typeof createCampaignInput> => ({
  name: p.name,
  body: p.body,
  mediaIds: p.media_ids,
  audience: toAudience(p.audience),
  senderIds: p.sender_ids,
  schedule: p.schedule && toSchedule(p.schedule),
  appendOptOut: p.append_opt_out,
  variants: p.variants?.map((v) => ({ body: v.body, mediaIds: v.media_ids })),
  abTest: p.ab_test && toAbTest(p.ab_test),
  trackLinks: p.track_links,
  utmParameters: p.utm_parameters,
});

/** The wire's A/B settings in the domain's names; the domain's schema fills the defaults. */
const toAbTest = (p: z.output<typeof abTestParams>): z.input<typeof abTestInput> =>
  p.mode === "split" ? p : { mode: "winner", sharePercent: p.share_percent, waitMinutes: p.wait_minutes, metric: p.metric };
