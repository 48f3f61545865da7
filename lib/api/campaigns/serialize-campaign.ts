// A campaign as the API shows it: snake_case, statuses in lower case, ISO 8601 UTC times; its plan
// and its stats likewise. Message counts exist from the start (the audience resolved); before, a
// campaign has none (null) and its plan says what it would do.
import { variantLetter, type Audience, type Schedule } from "@/lib/campaigns/campaign-input";
import { campaignCounts } from "@/lib/campaigns/campaign-progress";
import type { campaignStats } from "@/lib/campaigns/campaign-stats";
import type { Campaign } from "@/lib/campaigns/manage-campaigns";
import type { CampaignPlan } from "@/lib/campaigns/plan-campaign";
import type { CampaignSkipReason, MessageStatus } from "@/lib/generated/prisma/enums";
import type { OrgContext } from "@/lib/org-context";

export type SerializableCampaign = Pick<
  Campaign,
  | "id" | "name" | "status" | "body" | "mediaIds" | "audience" | "senderIds" | "schedule" | "appendOptOut" | "trackLinks" | "utmParameters" | "resolvedAt" | "recipients"
  | "startAt" | "startedAt" | "completedAt" | "canceledAt" | "createdAt" | "updatedAt"
  | "variants" | "abTest" | "decideAt" | "winnerVariant" | "decidedAt" | "decision"
>;
type MessageCounts = Partial<Record<MessageStatus, number>>;

/** The statuses a campaign's messages take, in the order they go through them. */
export const CAMPAIGN_MESSAGE_STATUSES = ["scheduled", "queued", "sending", "sent", "delivered", "undelivered", "failed", "canceled"] as const;

const iso = (d: Date | null) => d?.toISOString() ?? null;

const serializeAudience = (a: Audience) => ({
  include: { list_ids: a.include.listIds, segment_ids: a.include.segmentIds },
  exclude: { list_ids: a.exclude.listIds, segment_ids: a.exclude.segmentIds },
});

/** The schedule as it is sent: only the fields its kind takes. */
function serializeSchedule(s: Schedule) {
  switch (s.kind) {
    case "now":
      return { kind: s.kind };
    case "at":
      return { kind: s.kind, local_time: s.localTime, zone: s.zone };
    case "local":
      return { kind: s.kind, local_time: s.localTime, fallback_zone: s.fallbackZone };
    case "spread":
      return { kind: s.kind, hours: s.hours, ...(s.localTime && { local_time: s.localTime, zone: s.zone }) };
  }
}

const messageCounts = (m: MessageCounts) =>
  Object.fromEntries(CAMPAIGN_MESSAGE_STATUSES.map((status) => [status, m[status.toUpperCase() as MessageStatus] ?? 0])) as Record<
    (typeof CAMPAIGN_MESSAGE_STATUSES)[number],
    number
  >;

const skipped = (s: Partial<Record<CampaignSkipReason, number>>) => ({
  opted_out: s.OPTED_OUT ?? 0,
  invalid_number: s.INVALID_NUMBER ?? 0,
  frequency_capped: s.FREQUENCY_CAPPED ?? 0,
});

/** An A/B test's settings and, for a test then winner, its decision: when, which variant, why and on what counts. */
function serializeAbTest(c: SerializableCampaign) {
  if (!c.abTest) return null;
  const winner = c.abTest.mode === "winner" ? c.abTest : null;
  return {
    mode: c.abTest.mode,
    share_percent: winner?.sharePercent ?? null,
    wait_minutes: winner?.waitMinutes ?? null,
    metric: winner?.metric ?? null,
    decide_at: iso(c.decideAt),
    winner: c.winnerVariant === null ? null : variantLetter(c.winnerVariant),
    decided_at: iso(c.decidedAt),
    explanation: c.decision?.explanation ?? null,
    decision: c.decision && {
      tie: c.decision.tie,
      too_few: c.decision.tooFew,
      variants: c.decision.variants.map((v) => ({ variant: v.variant, delivered: v.delivered, clicked: v.clicked, replied: v.replied })),
    },
  };
}

/** `messages`: the campaign's messages by status, null before it starts. */
export function serializeCampaign(c: SerializableCampaign, messages: MessageCounts | null) {
  const started = c.resolvedAt !== null;
  return {
    id: c.id,
    object: "campaign" as const,
    name: c.name,
    status: c.status.toLowerCase() as Lowercase<Campaign["status"]>,
    body: c.body,
    media_ids: c.mediaIds,
    audience: serializeAudience(c.audience),
    sender_ids: c.senderIds,
    schedule: serializeSchedule(c.schedule),
    append_opt_out: c.appendOptOut,
    variants: c.variants.map((v, i) => ({ variant: variantLetter(i), body: v.body, media_ids: v.mediaIds })),
    ab_test: serializeAbTest(c),
    track_links: c.trackLinks,
    utm_parameters: c.utmParameters,
    recipients: started ? c.recipients : null,
    messages: started && messages ? messageCounts(messages) : null,
    start_at: iso(c.startAt),
    started_at: iso(c.startedAt),
    completed_at: iso(c.completedAt),
    canceled_at: iso(c.canceledAt),
    created_at: c.createdAt.toISOString(),
    updated_at: c.updatedAt.toISOString(),
  };
}

/** One campaign as an operation answers it, with its message counts counted now once it has started. */
export async function campaignAnswer(ctx: OrgContext, c: SerializableCampaign) {
  return serializeCampaign(c, c.resolvedAt ? (await campaignCounts(ctx.db, ctx.orgId, c.id)).messages : null);
}

export function serializeCampaignPlan(campaignId: string, p: CampaignPlan) {
  return {
    object: "campaign_plan" as const,
    campaign_id: campaignId,
    recipients: p.recipients,
    skipped: skipped(p.skipped),
    duplicates: p.duplicates,
    segments: p.segments,
    cost_micros: p.costMicros,
    by_segments: p.bySegments,
    ucs2: p.ucs2,
    warning: p.warning,
    opt_out: p.optOut,
    held_at_start: p.heldAtStart,
    held_until_local: p.heldUntilLocal,
    start_at: p.startAt,
    finish_at: p.finishAt,
    senders: p.senders.map((s) => ({ id: s.id, address: s.address, throughput: s.throughput, recipients: s.recipients, finish_at: s.finishAt })),
    ab_test: p.abTest && {
      mode: p.abTest.mode,
      share_percent: p.abTest.sharePercent,
      wait_minutes: p.abTest.waitMinutes,
      metric: p.abTest.metric,
      variants: p.abTest.variants.map((v) => ({ variant: v.variant, recipients: v.recipients, segments: v.segments, cost_micros: v.costMicros })),
      test: p.abTest.test,
      rest: p.abTest.rest,
      decide_at: p.abTest.decideAt,
      cost_at_most: p.abTest.costAtMost,
      too_few: p.abTest.tooFew,
    },
  };
}

const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null);

export function serializeCampaignStats(s: Awaited<ReturnType<typeof campaignStats>>) {
  const f = s.funnel;
  return {
    object: "campaign_stats" as const,
    campaign_id: s.campaign.id,
    status: s.campaign.status.toLowerCase() as Lowercase<Campaign["status"]>,
    started_at: iso(s.campaign.startedAt),
    completed_at: iso(s.campaign.completedAt),
    reply_days: s.replyDays,
    funnel: {
      recipients: f.recipients,
      skipped: skipped(f.skipped),
      duplicates: f.duplicates,
      waiting: f.waiting,
      held: f.held,
      queued: f.queued,
      sent: f.sent,
      delivered: f.delivered,
      undelivered: f.undelivered,
      failed: f.failed,
      canceled: f.canceled,
      clicked: f.clicked,
      clicks: f.clicks,
      replied: f.replied,
      opted_out: f.optedOut,
    },
    rates: {
      delivery: rate(f.delivered, f.sent),
      click: rate(f.clicked, f.sent),
      reply: rate(f.replied, f.sent),
      opt_out: rate(f.optedOut, f.sent),
    },
    variants: (s.abTest?.variants ?? []).map((v) => ({
      variant: v.variant === null ? "rest" : variantLetter(v.variant),
      recipients: v.recipients,
      sent: v.sent,
      delivered: v.delivered,
      clicked: v.clicked,
      replied: v.replied,
      opted_out: v.optedOut,
      rates: { delivery: rate(v.delivered, v.sent), click: rate(v.clicked, v.delivered), reply: rate(v.replied, v.delivered), opt_out: rate(v.optedOut, v.sent) },
    })),
    winner: s.abTest?.winner == null ? null : variantLetter(s.abTest.winner),
    explanation: s.abTest?.decision?.explanation ?? null,
  };
}
