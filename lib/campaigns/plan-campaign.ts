// The plan of a campaign, before it sends (a draft's too): how many get a message and how many are
// skipped and why, the duplicates across lists, total segments and cost with each recipient's merge
// fields and opt-out language applied, the share forced to UCS-2 and by which characters, and the
// expected finish through the senders' throughput and the recipients' quiet hours.
//
// Fast at a million recipients: one statement groups the audience twice (GROUPING SETS), each set
// few groups: by sender, the values of the fields the template uses (a phone by its length: E.164
// digits and "+" are GSM-7, so only the length changes the segments) and the opt-out language, each
// such group rendered and segmented once; and by sender, quiet-hours window (the same columns the
// fan-out writes: lib/messaging/quiet-columns.ts) and send time to the simulation's 5 minutes, from
// which each sender's finish is simulated (finish-time.ts). A campaign already started is planned
// from its recipients; a draft or scheduled one from its audience now. An A/B test's groups are
// rendered once per variant and counted in the proportions the start deals them (plan-variants.ts);
// a test then winner's rest is due at its decision time, so the finish includes the wait.
import type { z } from "zod";
import { audienceQuery } from "@/lib/campaigns/audience-sql";
import { checkedCampaignTexts, type CampaignTexts } from "@/lib/campaigns/campaign-body";
import { messagesOf } from "@/lib/campaigns/campaign-variants";
import { abTestPlan, variantShares, type AbTestPlan } from "@/lib/campaigns/plan-variants";
import { countedText } from "@/lib/campaigns/campaign-links";
import { campaignIdInput, type SKIP_REASONS } from "@/lib/campaigns/campaign-input";
import { startOf } from "@/lib/campaigns/campaign-schedule";
import { finishTime, type Backlog } from "@/lib/campaigns/finish-time";
import { getCampaign, type Campaign } from "@/lib/campaigns/manage-campaigns";
import { quietColumns } from "@/lib/campaigns/send-rules";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrgContext } from "@/lib/org-context";
import { withSegmentMemory } from "@/lib/segments/evaluate-segment";
import { clockTime, isInside } from "@/lib/sms/quiet-hours";
import { segmentMessage } from "@/lib/sms/segments";
import { renderTemplate, type MergeContact, type MergeField } from "@/lib/sms/templates";

type SkipReason = (typeof SKIP_REASONS)[number];

export interface CampaignPlan {
  recipients: number;
  skipped: Record<SkipReason, number>;
  /** Contacts counted more than once across the included lists and segments (each gets one message). */
  duplicates: number;
  segments: number;
  costMicros: number;
  /** Recipients by the number of segments their message takes. */
  bySegments: { segments: number; recipients: number }[];
  ucs2: { recipients: number; share: number; characters: string[] } | null;
  /** "12% of recipients get 2 segments because of ’", when any message is UCS-2. */
  warning: string | null;
  /** Recipients whose message ends with the org's opt-out language. */
  optOut: number;
  /** Recipients whose quiet hours are closed at their send time: they get it when their window opens. */
  heldAtStart: number;
  /** The earliest local time those windows open ("08:00"), when any is held. */
  heldUntilLocal: string | null;
  startAt: string;
  /** Null with recipients: more than FINISH_HORIZON_DAYS (finish-time.ts). */
  finishAt: string | null;
  senders: { id: string; address: string; throughput: number; recipients: number; finishAt: string | null }[];
  /** Null without an A/B test. */
  abTest: AbTestPlan | null;
}

/** A row of either grouping set: content (timing false: fields and opt-out) or timing (window and send time). */
interface Group {
  timing: boolean;
  reason: SkipReason | null;
  senderId: string | null;
  fields: unknown[] | null;
  optOut: boolean | null;
  zone: string | null;
  quietStart: number | null;
  quietEnd: number | null;
  sendAt: Date | null;
  count: number;
  copies: number;
}

export async function planCampaign(ctx: OrgContext, raw: z.input<typeof campaignIdInput>): Promise<CampaignPlan> {
  const campaign = await getCampaign(ctx, raw);
  const checked = await Promise.all(messagesOf(campaign).map((m) => checkedCampaignTexts(ctx, m)));
  const texts = checked.map((c) => c.texts);
  const fields = checked.flatMap((c) => c.fields);
  const started = campaign.resolvedAt !== null;
  const startAt = started ? campaign.startAt! : await startOf(ctx, campaign.schedule);
  const waitMs = campaign.abTest?.mode === "winner" ? campaign.abTest.waitMinutes * 60_000 : null;
  const decideAt = started ? campaign.decideAt : waitMs === null ? null : new Date(startAt.getTime() + waitMs);
  const audience = started ? recipientsQuery(ctx, campaign.id, decideAt) : await audienceQuery(ctx, { ...campaign, startAt });
  const quiet = await quietColumns(ctx, campaign.schedule);
  const groups = await withSegmentMemory(ctx, audience, (sql) => sql.$queryRaw<Group[]>`
    SELECT GROUPING(zone) = 0 AS timing, reason, "senderId", fields, "optOut", zone, "quietStart", "quietEnd",
           max("sendAt") AS "sendAt", count(*)::int AS count, sum(copies)::int AS copies
    FROM (
      SELECT a.skip_reason AS reason, a.sender_id AS "senderId", a.copies, a.send_at AS "sendAt",
             CASE WHEN a.skip_reason IS NULL THEN ${fieldValues(fields)} END AS fields,
             CASE WHEN a.skip_reason IS NULL THEN a.opt_out END AS "optOut",
             ${quiet.zone} AS zone, ${quiet.start} AS "quietStart", ${quiet.end} AS "quietEnd",
             date_bin('5 minutes', a.send_at, timestamp '2000-01-01') AS slot
      FROM (${audience.select}) a JOIN "Contact" c ON c.id = a.contact_id AND c."orgId" = ${ctx.orgId} ${quiet.join}
    ) r
    GROUP BY GROUPING SETS ((reason, "senderId", fields, "optOut"), (reason, "senderId", zone, "quietStart", "quietEnd", slot))`);
  return summarise(ctx, campaign, texts, fields, groups, { startAt, decideAt, started });
}

/** A started campaign's recipients: the rest of a test then winner, not yet due, are due at its decision. */
function recipientsQuery(ctx: OrgContext, campaignId: string, decideAt: Date | null) {
  return {
    hashMemory: false,
    select: Prisma.sql`
      SELECT "contactId" AS contact_id, 1 AS copies, "skipReason"::text AS skip_reason, "senderId" AS sender_id,
             COALESCE("sendAt", ${decideAt}::timestamp) AS send_at, "optOutLanguage" AS opt_out
      FROM "CampaignRecipient" WHERE "campaignId" = ${campaignId} AND "orgId" = ${ctx.orgId}`,
  };
}

/** The values the template reads, as one JSON array per contact (a phone as its length). */
function fieldValues(fields: MergeField[]): Prisma.Sql {
  const names = [...new Set(fields.map((f) => f.name))];
  if (names.length === 0) return Prisma.sql`'[]'::jsonb`;
  const value = (name: string) => {
    if (name.startsWith("custom.")) return Prisma.sql`c."customFields" -> ${name.slice("custom.".length)}::text`;
    const column = { first_name: "firstName", last_name: "lastName", email: "email", phone: "phone" }[name]!;
    return column === "phone" ? Prisma.sql`to_jsonb(length(c.phone))` : Prisma.sql`to_jsonb(c.${Prisma.raw(`"${column}"`)})`;
  };
  return Prisma.sql`jsonb_build_array(${Prisma.join(names.map(value))})`;
}

interface Timing {
  startAt: Date;
  decideAt: Date | null;
  /** Its recipients have their variants and send times already (the rest's is the decision). */
  started: boolean;
}

async function summarise(ctx: OrgContext, campaign: Campaign, texts: CampaignTexts[], fields: MergeField[], groups: Group[], timing: Timing): Promise<CampaignPlan> {
  const { startAt, decideAt } = timing;
  const names = [...new Set(fields.map((f) => f.name))];
  const senders = await ctx.db.senderNumber.findMany({
    where: { id: { in: campaign.senderIds } },
    select: { id: true, address: true, throughput: true, connection: { select: { smsPriceMicros: true, mmsPriceMicros: true } } },
  });
  const mms = messagesOf(campaign).map((m) => m.mediaIds.length > 0);
  const shares = variantShares(campaign.abTest, texts.length);
  const perVariant = texts.map(() => ({ segments: 0, costMicros: 0 }));
  const skipped: Record<SkipReason, number> = { OPTED_OUT: 0, INVALID_NUMBER: 0, FREQUENCY_CAPPED: 0 };
  const bySegments = new Map<number, number>();
  const backlogs = new Map<string, Backlog[]>();
  const nonGsm = new Map<string, number>();
  const ucs2Segments = new Map<number, number>();
  let recipients = 0, duplicates = 0, segments = 0, costMicros = 0, ucs2 = 0, optOut = 0, held = 0;
  let heldFrom: number | null = null;
  for (const g of groups) {
    if (g.timing) {
      if (g.reason) continue;
      const sendAt = Math.max(startAt.getTime(), g.sendAt?.getTime() ?? 0);
      const quiet = g.zone === null ? null : { zone: g.zone, window: { start: g.quietStart!, end: g.quietEnd! } };
      const backlog = backlogs.get(g.senderId ?? "") ?? [];
      // A draft's test then winner: its rest go at the decision; a started one's rows say when already.
      const rest = timing.started ? 0 : Math.round(g.count * shares.rest);
      const restAt = Math.max(sendAt, decideAt?.getTime() ?? 0);
      backlogs.set(g.senderId ?? "", [...backlog, { recipients: g.count - rest, sendAt, quiet }, ...(rest ? [{ recipients: rest, sendAt: restAt, quiet }] : [])]);
      if (quiet && !isInside(quiet.zone, quiet.window, new Date(sendAt))) {
        held += g.count;
        heldFrom = Math.min(heldFrom ?? Infinity, quiet.window.start);
      }
      continue;
    }
    duplicates += g.copies - g.count;
    if (g.reason) {
      skipped[g.reason] += g.count;
      continue;
    }
    recipients += g.count;
    if (g.optOut) optOut += g.count;
    const sender = senders.find((s) => s.id === g.senderId);
    const contact = contactOf(names, g.fields ?? []);
    const priced = texts.map((t, v) => {
      const message = segmentMessage(countedText(campaign, renderTemplate(g.optOut ? t.withOptOut : t.plain, contact)));
      const n = mms[v] ? 1 : message.segmentCount;
      return { message, n, mms: mms[v]!, cost: mms[v] ? (sender?.connection.mmsPriceMicros ?? 0) : n * (sender?.connection.smsPriceMicros ?? 0) };
    });
    priced.forEach((p, v) => {
      perVariant[v]!.segments += p.n * g.count;
      perVariant[v]!.costMicros += p.cost * g.count;
    });
    const costliest = priced.reduce((a, b) => (b.cost > a.cost ? b : a));
    // Fractions of the group with an A/B test (rounded at the end); the whole group without.
    const parts = [...priced.map((p) => ({ p, count: g.count * shares.each })), ...(shares.rest ? [{ p: costliest, count: g.count * shares.rest }] : [])];
    for (const { p, count } of parts) addMessage(p, count);
  }
  function addMessage({ message, n, mms, cost }: { message: ReturnType<typeof segmentMessage>; n: number; mms: boolean; cost: number }, count: number) {
    segments += n * count;
    costMicros += count * cost;
    bySegments.set(n, (bySegments.get(n) ?? 0) + count);
    if (message.encoding === "UCS-2" && !mms) {
      ucs2 += count;
      ucs2Segments.set(n, (ucs2Segments.get(n) ?? 0) + count);
      for (const char of message.nonGsmCharacters) nonGsm.set(char, (nonGsm.get(char) ?? 0) + count);
    }
  }
  const characters = [...nonGsm.entries()].sort((a, b) => b[1] - a[1]).map(([char]) => char);
  const senderPlans = senders.map((s) => {
    const backlog = backlogs.get(s.id) ?? [];
    const finish = finishTime(backlog, startAt.getTime(), s.throughput);
    const count = backlog.reduce((sum, b) => sum + b.recipients, 0);
    return { id: s.id, address: s.address, throughput: s.throughput, recipients: count, finishAt: finish === null ? null : new Date(finish).toISOString() };
  });
  const busy = senderPlans.filter((s) => s.recipients > 0);
  // The campaign's finish is its last sender's; one past the horizon puts it past the horizon too.
  const finishAt = busy.some((s) => s.finishAt === null) ? null : (busy.map((s) => s.finishAt!).sort().at(-1) ?? null);
  return {
    recipients,
    skipped,
    duplicates: campaign.resolvedAt ? campaign.duplicates : duplicates,
    segments: Math.round(segments),
    costMicros: Math.round(costMicros),
    bySegments: [...bySegments.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([n, count]) => ({ segments: n, recipients: Math.round(count) }))
      .filter((b) => b.recipients > 0),
    ucs2: ucs2 ? { recipients: Math.round(ucs2), share: ucs2 / recipients, characters } : null,
    warning: ucs2 ? ucs2Warning(ucs2 / recipients, mostCommon(ucs2Segments), characters) : null,
    optOut,
    heldAtStart: held,
    heldUntilLocal: heldFrom === null ? null : clockTime(heldFrom),
    startAt: startAt.toISOString(),
    finishAt,
    senders: senderPlans,
    abTest: campaign.abTest && abTestPlan(campaign.abTest, perVariant, recipients, decideAt),
  };
}

const mostCommon = (counts: Map<number, number>) => [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];

function ucs2Warning(share: number, segments: number, characters: string[]): string {
  const percent = share < 0.01 ? "Under 1%" : `${Math.round(share * 100)}%`;
  const shown = characters.slice(0, 3).map((c) => (c.trim() ? c : JSON.stringify(c))).join(" ");
  const more = characters.length > 3 ? ` (and ${characters.length - 3} more)` : "";
  return `${percent} of recipients get ${segments} segment${segments === 1 ? "" : "s"} as UCS-2 because of ${shown}${more}`;
}

/** A contact as merge fields see it, from a group's values (a phone length becomes a phone that long). */
function contactOf(names: string[], values: unknown[]): MergeContact {
  const contact: MergeContact = { firstName: null, lastName: null, email: null, phone: "", customFields: {} };
  names.forEach((name, i) => {
    const value = values[i];
    if (value === null || value === undefined) return;
    if (name.startsWith("custom.")) contact.customFields[name.slice("custom.".length)] = value as string | number | boolean;
    else if (name === "phone") contact.phone = `+${"0".repeat(Math.max(0, Number(value) - 1))}`;
    else if (name === "first_name") contact.firstName = String(value);
    else if (name === "last_name") contact.lastName = String(value);
    else if (name === "email") contact.email = String(value);
  });
  return contact;
}
