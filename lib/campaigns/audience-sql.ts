// A campaign's audience as one SELECT, the rows that become its CampaignRecipient rows (and that the
// plan of a draft counts): the union of its included lists and segments minus the excluded, one row
// per contact with
// - copies: in how many of the included lists and segments the contact is (the plan's duplicates);
// - skip_reason: opted out, no valid number, or capped (the first that applies), else null;
// - sender_id: the pool's sender for this contact (sticky-sender.ts);
// - send_at: when its message is due (campaign-schedule.ts);
// - opt_out: whether its message ends with the opt-out language (send-rules.ts).
// Segments go through the segment compiler (parameters only, every subquery bound to the org);
// lists and segments are checked to be the org's first, naming the one that is not.
import { frequencyCapCondition, optOutCondition } from "@/lib/campaigns/send-rules";
import { stickySender } from "@/lib/campaigns/sticky-sender";
import { sendAtColumn } from "@/lib/campaigns/campaign-schedule";
import type { Audience, OptOutChoice, Schedule } from "@/lib/campaigns/campaign-input";
import { DomainError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrgContext } from "@/lib/org-context";
import { segmentCondition } from "@/lib/segments/evaluate-segment";
import { getSegment } from "@/lib/segments/manage-segments";

export interface AudienceQuery {
  /** A SELECT of (contact_id, copies, skip_reason, sender_id, send_at, opt_out). */
  select: Prisma.Sql;
  /** The same audience as a condition on the contact `c` (for walks over contacts: the skipped ones' export). */
  where: Prisma.Sql;
  /** The skip reason of the contact `c` (text), or null. */
  skipReason: Prisma.Sql;
  /** Run them through withSegmentMemory with this (a segment's rule needs the memory). */
  hashMemory: boolean;
}

/** A phone the carriers take: E.164, a country code and 7 to 14 more digits. */
const VALID_NUMBER = "^\\+[1-9][0-9]{6,14}$";

export async function audienceQuery(
  ctx: OrgContext,
  campaign: { audience: Audience; senderIds: string[]; schedule: Schedule; appendOptOut: OptOutChoice; startAt: Date },
): Promise<AudienceQuery> {
  const { include, exclude } = campaign.audience;
  if (include.listIds.length === 0 && include.segmentIds.length === 0) {
    throw new DomainError("BAD_REQUEST", "Choose at least one list or segment to send to", "audience.include", "invalid_parameter");
  }
  await checkExist(ctx, campaign.audience);
  const [includedSegments, excluded] = await Promise.all([segments(ctx, include.segmentIds), segments(ctx, exclude.segmentIds)]);
  const org = ctx.orgId;

  const hits = [
    ...(include.listIds.length
      ? [Prisma.sql`SELECT m."contactId" AS id FROM "ListMembership" m WHERE m."orgId" = ${org} AND m."listId" = ANY(${include.listIds}::text[])`]
      : []),
    ...includedSegments.map((s) => Prisma.sql`SELECT c.id FROM "Contact" c WHERE c."orgId" = ${org} AND (${s.where})`),
  ];
  const notExcluded = [
    ...(exclude.listIds.length
      ? [Prisma.sql`NOT EXISTS (SELECT 1 FROM "ListMembership" x WHERE x."orgId" = ${org} AND x."listId" = ANY(${exclude.listIds}::text[]) AND x."contactId" = c.id)`]
      : []),
    ...excluded.map((s) => Prisma.sql`NOT COALESCE((${s.where}), false)`),
  ];
  const included = [
    ...(include.listIds.length
      ? [Prisma.sql`EXISTS (SELECT 1 FROM "ListMembership" m WHERE m."orgId" = ${org} AND m."listId" = ANY(${include.listIds}::text[]) AND m."contactId" = c.id)`]
      : []),
    ...includedSegments.map((s) => Prisma.sql`COALESCE((${s.where}), false)`),
  ];
  const skipReason = Prisma.sql`CASE WHEN c."consentStatus" = 'OPTED_OUT' THEN 'OPTED_OUT'
                  WHEN c.phone !~ ${VALID_NUMBER} THEN 'INVALID_NUMBER'
                  WHEN ${await frequencyCapCondition(ctx)} THEN 'FREQUENCY_CAPPED' END`;
  const schedule = sendAtColumn(campaign.schedule, campaign.startAt);
  const select = Prisma.sql`
    WITH grouped AS (
      SELECT h.id, count(*)::int AS copies FROM (${Prisma.join(hits, " UNION ALL ")}) h GROUP BY h.id
    ), audience AS (
      SELECT c.id AS contact_id, g.copies, c."timeZone" AS time_zone, ${skipReason} AS skip_reason,
             ${stickySender(Prisma.sql`c.id`, campaign.senderIds)} AS sender_id, ${optOutCondition(org, campaign.appendOptOut)} AS opt_out
      FROM grouped g JOIN "Contact" c ON c.id = g.id AND c."orgId" = ${org}
      ${notExcluded.length ? Prisma.sql`WHERE ${Prisma.join(notExcluded, " AND ")}` : Prisma.empty}
    )
    SELECT a.contact_id, a.copies, a.skip_reason, a.sender_id, ${schedule.column} AS send_at, a.opt_out
    FROM audience a ${schedule.from}`;
  const where = Prisma.sql`(${Prisma.join(included, " OR ")})${notExcluded.length ? Prisma.sql` AND ${Prisma.join(notExcluded, " AND ")}` : Prisma.empty}`;
  return { select, where, skipReason, hashMemory: [...includedSegments, ...excluded].some((s) => s.hashMemory) };
}

/**
 * Refuses a list or segment the org does not have (another org's reads the same), naming where it
 * is (`audience.exclude.listIds.1`): a bad request, as an unknown sender or media is.
 */
async function checkExist(ctx: OrgContext, audience: Audience) {
  const sides = [["include", audience.include], ["exclude", audience.exclude]] as const;
  const listIds = sides.flatMap(([, side]) => side.listIds);
  const segmentIds = sides.flatMap(([, side]) => side.segmentIds);
  const [lists, segments] = await Promise.all([
    listIds.length ? ctx.db.contactList.findMany({ where: { id: { in: listIds } }, select: { id: true } }) : [],
    segmentIds.length ? ctx.db.segment.findMany({ where: { id: { in: segmentIds } }, select: { id: true } }) : [],
  ]);
  const found = { listIds: new Set(lists.map((l) => l.id)), segmentIds: new Set(segments.map((s) => s.id)) };
  for (const [name, side] of sides) {
    for (const [field, what] of [["listIds", "List"], ["segmentIds", "Segment"]] as const) {
      const i = side[field].findIndex((id) => !found[field].has(id));
      if (i >= 0) throw new DomainError("BAD_REQUEST", `${what} ${side[field][i]} not found`, `audience.${name}.${field}.${i}`, "invalid_parameter");
    }
  }
}

async function segments(ctx: OrgContext, ids: string[]) {
  return Promise.all(ids.map(async (id) => segmentCondition(ctx, (await getSegment(ctx, { id })).definition)));
}
