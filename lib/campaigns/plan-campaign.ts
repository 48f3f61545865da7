// The plan of a campaign, before it sends (a draft's too): how many get a message and how many are
// skipped and why, the duplicates across lists, total segments and cost with each recipient's merge
// fields applied, the share forced to UCS-2 and by which characters, and the expected finish from the
// senders' throughput and the schedule.
//
// Fast at a million recipients: one statement groups the audience by sender and by the values of the
// fields the template uses (a phone by its length: E.164 digits and "+" are GSM-7, so only the
// length changes the segments), and each distinct group is rendered and segmented once. A campaign
// already started is planned from its recipients; a draft or scheduled one from its audience now.
//
// The finish time is the senders' pace alone: a message held for its recipient's quiet hours goes when
// the window opens (the dispatcher holds it, lib/delivery/quiet-hold.ts), which may be later.
import type { z } from "zod";
import { audienceQuery } from "@/lib/campaigns/audience-sql";
import { checkedCampaignText } from "@/lib/campaigns/campaign-body";
import { campaignIdInput, type SKIP_REASONS } from "@/lib/campaigns/campaign-input";
import { startOf } from "@/lib/campaigns/campaign-schedule";
import { getCampaign, type Campaign } from "@/lib/campaigns/manage-campaigns";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrgContext } from "@/lib/org-context";
import { withSegmentMemory } from "@/lib/segments/evaluate-segment";
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
  startAt: string;
  finishAt: string | null;
  senders: { id: string; address: string; throughput: number; recipients: number; finishAt: string | null }[];
}

interface Group {
  reason: SkipReason | null;
  senderId: string | null;
  fields: unknown[] | null;
  count: number;
  copies: number;
  lastSendAt: Date | null;
}

export async function planCampaign(ctx: OrgContext, raw: z.input<typeof campaignIdInput>): Promise<CampaignPlan> {
  const campaign = await getCampaign(ctx, raw);
  const { text, fields } = await checkedCampaignText(ctx, campaign);
  const started = campaign.resolvedAt !== null;
  const startAt = started ? campaign.startAt! : await startOf(ctx, campaign.schedule);
  const audience = started ? recipientsQuery(ctx, campaign.id) : await audienceQuery(ctx, { ...campaign, startAt });
  const groups = await withSegmentMemory(ctx, audience, (sql) => sql.$queryRaw<Group[]>`
    SELECT a.skip_reason AS reason, a.sender_id AS "senderId",
           CASE WHEN a.skip_reason IS NULL THEN ${fieldValues(fields)} END AS fields,
           count(*)::int AS count, sum(a.copies)::int AS copies, max(a.send_at) AS "lastSendAt"
    FROM (${audience.select}) a JOIN "Contact" c ON c.id = a.contact_id AND c."orgId" = ${ctx.orgId}
    GROUP BY 1, 2, 3`);
  return summarise(ctx, campaign, text, fields, groups, startAt);
}

function recipientsQuery(ctx: OrgContext, campaignId: string) {
  return {
    hashMemory: false,
    select: Prisma.sql`
      SELECT "contactId" AS contact_id, 1 AS copies, "skipReason"::text AS skip_reason, "senderId" AS sender_id, "sendAt" AS send_at
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

async function summarise(ctx: OrgContext, campaign: Campaign, text: string, fields: MergeField[], groups: Group[], startAt: Date): Promise<CampaignPlan> {
  const names = [...new Set(fields.map((f) => f.name))];
  const senders = await ctx.db.senderNumber.findMany({
    where: { id: { in: campaign.senderIds } },
    select: { id: true, address: true, throughput: true, connection: { select: { smsPriceMicros: true, mmsPriceMicros: true } } },
  });
  const mms = campaign.mediaIds.length > 0;
  const skipped: Record<SkipReason, number> = { OPTED_OUT: 0, INVALID_NUMBER: 0, FREQUENCY_CAPPED: 0 };
  const bySegments = new Map<number, number>();
  const perSender = new Map<string, { recipients: number; lastSendAt: number }>();
  const nonGsm = new Map<string, number>();
  const ucs2Segments = new Map<number, number>();
  let recipients = 0, duplicates = 0, segments = 0, costMicros = 0, ucs2 = 0;
  for (const g of groups) {
    duplicates += g.copies - g.count;
    if (g.reason) {
      skipped[g.reason] += g.count;
      continue;
    }
    recipients += g.count;
    const sender = senders.find((s) => s.id === g.senderId);
    const mine = perSender.get(g.senderId ?? "") ?? { recipients: 0, lastSendAt: 0 };
    perSender.set(g.senderId ?? "", { recipients: mine.recipients + g.count, lastSendAt: Math.max(mine.lastSendAt, g.lastSendAt?.getTime() ?? 0) });
    const message = segmentMessage(renderTemplate(text, contactOf(names, g.fields ?? [])));
    const n = mms ? 1 : message.segmentCount;
    segments += n * g.count;
    costMicros += g.count * (mms ? (sender?.connection.mmsPriceMicros ?? 0) : n * (sender?.connection.smsPriceMicros ?? 0));
    bySegments.set(n, (bySegments.get(n) ?? 0) + g.count);
    if (message.encoding === "UCS-2" && !mms) {
      ucs2 += g.count;
      ucs2Segments.set(n, (ucs2Segments.get(n) ?? 0) + g.count);
      for (const char of message.nonGsmCharacters) nonGsm.set(char, (nonGsm.get(char) ?? 0) + g.count);
    }
  }
  const characters = [...nonGsm.entries()].sort((a, b) => b[1] - a[1]).map(([char]) => char);
  const senderPlans = senders.map((s) => {
    const load = perSender.get(s.id) ?? { recipients: 0, lastSendAt: 0 };
    const drained = startAt.getTime() + (load.recipients / Math.max(1, s.throughput)) * 1000;
    const finish = load.recipients ? new Date(Math.max(drained, load.lastSendAt)).toISOString() : null;
    return { id: s.id, address: s.address, throughput: s.throughput, recipients: load.recipients, finishAt: finish };
  });
  const finishes = senderPlans.flatMap((s) => (s.finishAt ? [s.finishAt] : [])).sort();
  return {
    recipients,
    skipped,
    duplicates: campaign.resolvedAt ? campaign.duplicates : duplicates,
    segments,
    costMicros,
    bySegments: [...bySegments.entries()].sort((a, b) => a[0] - b[0]).map(([n, count]) => ({ segments: n, recipients: count })),
    ucs2: ucs2 ? { recipients: ucs2, share: ucs2 / recipients, characters } : null,
    warning: ucs2 ? ucs2Warning(ucs2 / recipients, mostCommon(ucs2Segments), characters) : null,
    startAt: startAt.toISOString(),
    finishAt: finishes.at(-1) ?? null,
    senders: senderPlans,
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
