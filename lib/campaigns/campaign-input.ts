// What a campaign is made of, one schema per input: shared by the form to come, the tRPC procedures
// and REST. The audience is lists and saved segments, minus others; the schedule is one of four
// kinds, each a wall time where it needs one (a zone says where, or each recipient's own zone).
import { z } from "zod";
import { MAX_MEDIA } from "@/lib/messaging/message-input";
import { MAX_BODY_LENGTH } from "@/lib/sms/segments";
import { isValidTimeZone } from "@/lib/sms/time-zone";

const id = z.string().trim().min(1).max(64);
const ids = z.array(id).max(50, "At most 50 lists or segments").default([]);

export const audienceInput = z.strictObject({
  include: z.strictObject({ listIds: ids, segmentIds: ids }),
  exclude: z.strictObject({ listIds: ids, segmentIds: ids }).default({ listIds: [], segmentIds: [] }),
});
export type Audience = z.output<typeof audienceInput>;

/** "2026-12-15T10:00": a wall time, read in a zone. */
export const wallTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "must be a date and time like 2026-12-15T10:00");
export const zone = z.string().refine(isValidTimeZone, "is not a time zone (e.g. America/New_York)");

export const MAX_SPREAD_HOURS = 72;

export const scheduleInput = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("now") }),
  z.strictObject({ kind: z.literal("at"), localTime: wallTime, zone }),
  /** The wall time in each recipient's zone; `fallbackZone` for contacts whose zone is unknown. */
  z.strictObject({ kind: z.literal("local"), localTime: wallTime, fallbackZone: zone }),
  /** Evenly over `hours` from when it is sent (or from `localTime` in `zone`). */
  z.strictObject({
    kind: z.literal("spread"),
    hours: z.number().int().min(1).max(MAX_SPREAD_HOURS, `At most ${MAX_SPREAD_HOURS} hours`),
    localTime: wallTime.optional(),
    zone: zone.optional(),
  }).refine((s) => (s.localTime === undefined) === (s.zone === undefined), { message: "Give the start's time and zone together", path: ["zone"] }),
]);
export type Schedule = z.output<typeof scheduleInput>;

export const OPT_OUT_CHOICES = ["off", "first", "every"] as const;
export type OptOutChoice = (typeof OPT_OUT_CHOICES)[number];

const bodyInput = z.string().max(MAX_BODY_LENGTH, `Messages are limited to ${MAX_BODY_LENGTH} characters`);
const mediaIdsInput = z.array(z.string().regex(/^med_[0-9a-z]{24}$/, "is not a media id")).max(MAX_MEDIA);

export const hasContent = (c: { body?: string; mediaIds?: string[] }) => (c.body ?? "").trim().length > 0 || (c.mediaIds ?? []).length > 0;

export const MAX_VARIANTS = 5;
/** "A", "B", ...: how the UI, the API's explanations and the errors name a variant. */
export const variantLetter = (index: number) => String.fromCharCode(65 + index);

/** One variant of an A/B test's message: a body, media or both, each checked as a campaign's body is. */
export const variantInput = z.strictObject({ body: bodyInput.default(""), mediaIds: mediaIdsInput.default([]) });
export type Variant = z.output<typeof variantInput>;

/** No variants (one message: the campaign's body), or 2 to 5, each with a message, named by letter when one has none. */
export const variantsInput = z
  .array(variantInput)
  .max(MAX_VARIANTS, `An A/B test has at most ${MAX_VARIANTS} variants`)
  .refine((v) => v.length !== 1, "An A/B test has at least 2 variants")
  .superRefine((variants, check) => {
    variants.forEach((v, i) => {
      if (!hasContent(v)) check.addIssue({ code: "custom", message: `Variant ${variantLetter(i)}: write a message or attach media`, path: [i, "body"] });
    });
  });

export const AB_METRICS = ["clicks", "replies"] as const;
export type AbMetric = (typeof AB_METRICS)[number];
export const MIN_SHARE_PERCENT = 5;
export const MAX_SHARE_PERCENT = 50;
export const MAX_WAIT_MINUTES = 7 * 24 * 60;

/**
 * How an A/B campaign uses its variants: `split`, the whole audience evenly; `winner`, a share of it
 * evenly, then after `waitMinutes` the variant with the best rate (`metric`) to the rest.
 */
export const abTestInput = z.discriminatedUnion("mode", [
  z.strictObject({ mode: z.literal("split") }),
  z.strictObject({
    mode: z.literal("winner"),
    sharePercent: z.number().int().min(MIN_SHARE_PERCENT, `The test share is at least ${MIN_SHARE_PERCENT}%`).max(MAX_SHARE_PERCENT, `The test share is at most ${MAX_SHARE_PERCENT}%`).default(20),
    waitMinutes: z.number().int().min(1, "Wait at least a minute").max(MAX_WAIT_MINUTES, "Wait at most 7 days").default(240),
    metric: z.enum(AB_METRICS).default("clicks"),
  }),
]);
export type AbTest = z.output<typeof abTestInput>;

/** Variants come with their mode, and a mode with variants. */
const abTestComplete = (c: { variants?: Variant[]; abTest?: AbTest | null }) => ((c.variants ?? []).length > 0) === Boolean(c.abTest);
const abTestIssue = { message: "An A/B test needs 2 to 5 variants and a mode (split, or test then winner)", path: ["abTest"] };

const campaignFields = {
  name: z.string().trim().min(1, "Name the campaign").max(120),
  body: bodyInput,
  mediaIds: mediaIdsInput,
  audience: audienceInput,
  /** One sender id, or several: a pool, each contact sticking to one of them. */
  senderIds: z.array(id).min(1, "Choose a sender number").max(20, "At most 20 senders in a pool"),
  schedule: scheduleInput,
  /**
   * Whose message ends with the org's opt-out language ("Reply STOP to opt out"): no one, the
   * recipients who never had a marketing text from the org (CTIA: the first message), or everyone.
   */
  appendOptOut: z.enum(OPT_OUT_CHOICES),
  /** An A/B test's variants (then body and mediaIds are ignored: variant A is the first), or none. */
  variants: variantsInput,
  abTest: abTestInput.nullable(),
  /** Its links become short links per recipient, clicks recorded (lib/links/). */
  trackLinks: z.boolean(),
  /** UTM parameters added to its links' destinations (with trackLinks; those already there are kept). */
  utmParameters: z.boolean(),
};



export const createCampaignInput = z
  .strictObject({
    ...campaignFields,
    body: campaignFields.body.default(""),
    mediaIds: campaignFields.mediaIds.default([]),
    schedule: campaignFields.schedule.default({ kind: "now" }),
    appendOptOut: campaignFields.appendOptOut.default("first"),
    variants: campaignFields.variants.default([]),
    abTest: campaignFields.abTest.default(null),
    trackLinks: campaignFields.trackLinks.default(true),
    utmParameters: campaignFields.utmParameters.default(true),
  })
  .refine((c) => c.variants.length > 0 || hasContent(c), { message: "Write a message or attach media", path: ["body"] })
  .refine(abTestComplete, abTestIssue);

export const campaignIdInput = z.strictObject({ id: z.string().trim().min(1).max(64) });

/** A draft's edit: any of its fields (the draft as edited must still have a message: manage-campaigns.ts). */
export const updateCampaignInput = z.strictObject({ id: campaignIdInput.shape.id, ...z.strictObject(campaignFields).partial().shape });

/** Send (now or at the campaign's schedule), or change the schedule of one not yet started. */
export const scheduleCampaignInput = z.strictObject({ id: campaignIdInput.shape.id, schedule: scheduleInput.optional() });

export const listCampaignsInput = z.strictObject({
  limit: z.number().int().min(1).max(100).default(50),
  cursor: z.string().max(64).optional(),
  // tRPC's infinite queries add this to the input; the list only pages backwards in time.
  direction: z.enum(["forward", "backward"]).optional(),
});

export const SKIP_REASONS = ["OPTED_OUT", "INVALID_NUMBER", "FREQUENCY_CAPPED"] as const;
export const skippedExportInput = z.strictObject({ id: campaignIdInput.shape.id, reason: z.enum(SKIP_REASONS) });

export const MAX_REPLY_DAYS = 30;
export const DEFAULT_REPLY_DAYS = 5;

export const campaignStatsInput = z.strictObject({
  id: campaignIdInput.shape.id,
  /** Replies within this many days of a message are the campaign's. */
  replyDays: z.number().int().min(1).max(MAX_REPLY_DAYS).default(DEFAULT_REPLY_DAYS),
});
