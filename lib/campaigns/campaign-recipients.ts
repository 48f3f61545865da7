// A campaign's recipients table, by outcome, in keyset pages: each funnel figure of the results page
// clicks through to the contacts behind it ("clicked": those who clicked one of its links). Messages are read by the campaign's (campaignId, status)
// index in send order; the skipped, who have no message, by the recipients' (campaignId, skipReason).
// An A/B campaign's variant filter reads each row's recipient by its key (campaignId, contactId).
import type { z } from "zod";
import { getCampaign } from "@/lib/campaigns/manage-campaigns";
import { campaignRecipientsInput, type RecipientOutcome } from "@/lib/campaigns/results-input";
import { orgSql } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CampaignSkipReason, MessageStatus } from "@/lib/generated/prisma/enums";
import type { OrgContext } from "@/lib/org-context";

export interface CampaignRecipientRow {
  contactId: string;
  firstName: string | null;
  lastName: string | null;
  phone: string;
  messageId: string | null;
  status: MessageStatus | null;
  skipReason: CampaignSkipReason | null;
  errorCode: string | null;
  errorMessage: string | null;
  /** When it last moved: sent, delivered or failed; when it was made while still pending. */
  at: Date | null;
}

/** The message statuses behind each outcome; "sent" counts what reached the carrier, as the funnel does. */
const STATUSES: Record<Exclude<RecipientOutcome, CampaignSkipReason | "clicked">, MessageStatus[] | null> = {
  all: null,
  held: ["SCHEDULED"],
  queued: ["QUEUED", "SENDING"],
  sent: ["SENT", "DELIVERED", "UNDELIVERED"],
  delivered: ["DELIVERED"],
  undelivered: ["UNDELIVERED"],
  failed: ["FAILED"],
  canceled: ["CANCELED"],
};

export async function campaignRecipients(ctx: OrgContext, raw: z.input<typeof campaignRecipientsInput>) {
  const { id, outcome, cursor, limit, variant } = campaignRecipientsInput.parse(raw);
  const campaign = await getCampaign(ctx, { id });
  const sql = orgSql(ctx);
  let rows: CampaignRecipientRow[];
  const byMessage = outcome in STATUSES || outcome === "clicked";
  if (byMessage) {
    const statuses = outcome === "clicked" ? null : STATUSES[outcome as keyof typeof STATUSES];
    rows = await sql.$queryRaw`
      SELECT c.id AS "contactId", c."firstName", c."lastName", c.phone, m.id AS "messageId", m.status,
             NULL AS "skipReason", m."errorCode", m."errorMessage",
             coalesce(m."failedAt", m."deliveredAt", m."sentAt", m."createdAt") AS at
      FROM "Message" m JOIN "Contact" c ON c.id = m."contactId"
      WHERE m."campaignId" = ${campaign.id} AND m."orgId" = ${ctx.orgId}
        ${statuses ? Prisma.sql`AND m.status::text IN (${Prisma.join(statuses)})` : Prisma.empty}
        ${outcome === "clicked" ? clickedSql(ctx.orgId, campaign.id) : Prisma.empty}
        ${cursor ? Prisma.sql`AND m.id > ${cursor}` : Prisma.empty}
        ${variant === undefined ? Prisma.empty : Prisma.sql`AND EXISTS (SELECT 1 FROM "CampaignRecipient" r WHERE r."campaignId" = m."campaignId"
          AND r."orgId" = ${ctx.orgId} AND r."contactId" = m."contactId" AND ${ofVariant(variant)})`}
      ORDER BY m.id LIMIT ${limit + 1}`;
  } else {
    rows = await sql.$queryRaw`
      SELECT c.id AS "contactId", c."firstName", c."lastName", c.phone, NULL AS "messageId", NULL AS status,
             r."skipReason", NULL AS "errorCode", NULL AS "errorMessage", NULL::timestamp AS at
      FROM "CampaignRecipient" r JOIN "Contact" c ON c.id = r."contactId"
      WHERE r."campaignId" = ${campaign.id} AND r."orgId" = ${ctx.orgId} AND r."skipReason" = ${outcome}::"CampaignSkipReason"
        ${variant === undefined ? Prisma.empty : Prisma.sql`AND ${ofVariant(variant)}`}
        ${cursor ? Prisma.sql`AND r."contactId" > ${cursor}` : Prisma.empty}
      ORDER BY r."contactId" LIMIT ${limit + 1}`;
  }
  const page = rows.slice(0, limit);
  return {
    items: page,
    nextCursor: rows.length > limit ? (byMessage ? page[page.length - 1]!.messageId : page[page.length - 1]!.contactId) : null,
  };
}

/** The recipient `r` is of the variant, or has none ("rest": of those with a message, the rest of a test then winner). */
const ofVariant = (variant: number | "rest") =>
  variant === "rest" ? Prisma.sql`r.variant IS NULL` : Prisma.sql`r.variant = ${variant}`;
/** A person clicked one of the message's links (its recipient's clicks of this campaign, along LinkClick(orgId, contactId, occurredAt)). */
const clickedSql = (orgId: string, campaignId: string) => Prisma.sql`AND EXISTS (SELECT 1 FROM "LinkClick" k
  WHERE k."orgId" = ${orgId} AND k."contactId" = m."contactId" AND k."campaignId" = ${campaignId} AND k."botReason" IS NULL)`;
