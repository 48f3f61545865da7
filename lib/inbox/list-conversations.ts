// The inbox's list: conversations newest activity first, in keyset pages over (lastMessageAt, id),
// for one view (mine, unassigned, all open, unread for the viewer, snoozed, closed) and optional
// filters: a label, the number the contact texts, a campaign that texted them, and a search over
// the contact's name and number (their trigram-indexed searchText) or the words of their texts.
import { escapeLike } from "@/lib/db/escape-like";
import { orgSql } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { listConversationsInput, type InboxView, type ListConversationsInput } from "@/lib/inbox/inbox-input";
import type { OrgContext } from "@/lib/org-context";

export interface ConversationRow {
  id: string;
  status: "OPEN" | "SNOOZED" | "CLOSED";
  snoozedUntil: Date | null;
  labels: string[];
  lastMessageAt: Date;
  waitingSince: Date | null;
  unread: boolean;
  contact: { id: string; firstName: string | null; lastName: string | null; phone: string; consentStatus: string };
  assignee: { id: string; name: string } | null;
  sender: { id: string; address: string } | null;
  last: { body: string; direction: "INBOUND" | "OUTBOUND"; mediaCount: number } | null;
}

/** The condition for a view, for the viewer `userId` (c: Conversation, r: the viewer's read marker). */
export function viewCondition(view: InboxView, userId: string | null): Prisma.Sql {
  switch (view) {
    case "mine":
      return Prisma.sql`c.status = 'OPEN' AND c."assigneeId" = ${userId}`;
    case "unassigned":
      return Prisma.sql`c.status = 'OPEN' AND c."assigneeId" IS NULL`;
    case "all":
      return Prisma.sql`c.status = 'OPEN'`;
    case "unread":
      return Prisma.sql`c.status <> 'CLOSED' AND ${unread}`;
    case "snoozed":
      return Prisma.sql`c.status = 'SNOOZED'`;
    case "closed":
      return Prisma.sql`c.status = 'CLOSED'`;
  }
}

/** Unread for the viewer: the contact texted since the viewer's marker (r) or the viewer never read it. */
export const unread = Prisma.sql`(c."lastInboundAt" IS NOT NULL AND (r."readAt" IS NULL OR r."readAt" < c."lastInboundAt"))`;

export async function listConversations(ctx: OrgContext, raw: ListConversationsInput) {
  const input = listConversationsInput.parse(raw);
  const userId = ctx.actor.id;
  const where: Prisma.Sql[] = [Prisma.sql`c."orgId" = ${ctx.orgId}`, viewCondition(input.view, userId)];
  if (input.label) where.push(Prisma.sql`${input.label} = ANY (c.labels)`);
  if (input.senderId) where.push(Prisma.sql`c."senderId" = ${input.senderId}`);
  if (input.campaignId) {
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM "Message" cm WHERE cm."campaignId" = ${input.campaignId} AND cm."contactId" = c."contactId" AND cm."orgId" = c."orgId")`);
  }
  if (input.search) {
    const like = `%${escapeLike(input.search)}%`;
    const digits = input.search.replace(/\D/g, "");
    where.push(Prisma.sql`(ct."searchText" LIKE ${like.toLowerCase()} ${digits.length >= 3 ? Prisma.sql`OR ct.phone LIKE ${`%${digits}%`}` : Prisma.empty}
      OR EXISTS (SELECT 1 FROM "Message" sm WHERE sm."orgId" = c."orgId" AND sm."contactId" = c."contactId" AND sm.body ILIKE ${like}))`);
  }
  if (input.cursor) where.push(Prisma.sql`(c."lastMessageAt", c.id) < (${input.cursor.at.toISOString()}::timestamp, ${input.cursor.id})`);

  const rows = await orgSql(ctx).$queryRaw<(Omit<ConversationRow, "contact" | "assignee" | "sender" | "last"> & Record<string, unknown>)[]>`
    SELECT c.id, c.status::text AS status, c."snoozedUntil", c.labels, c."lastMessageAt", c."waitingSince", ${unread} AS unread,
      ct.id AS "contactId", ct."firstName", ct."lastName", ct.phone, ct."consentStatus"::text AS "consentStatus",
      u.id AS "assigneeId", u.name AS "assigneeName", s.id AS "senderId", s.address AS "senderAddress",
      m.body AS "lastBody", m.direction::text AS "lastDirection", cardinality(m."mediaIds") AS "lastMediaCount"
    FROM "Conversation" c
    JOIN "Contact" ct ON ct.id = c."contactId"
    LEFT JOIN "ConversationRead" r ON r."conversationId" = c.id AND r."userId" = ${userId}
    LEFT JOIN "User" u ON u.id = c."assigneeId"
    LEFT JOIN "SenderNumber" s ON s.id = c."senderId"
    LEFT JOIN "Message" m ON m.id = c."lastMessageId"
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY c."lastMessageAt" DESC, c.id DESC
    LIMIT ${input.limit + 1}`;

  const page = rows.slice(0, input.limit).map(
    (r): ConversationRow => ({
      id: r.id,
      status: r.status,
      snoozedUntil: r.snoozedUntil,
      labels: r.labels,
      lastMessageAt: r.lastMessageAt,
      waitingSince: r.waitingSince,
      unread: r.unread,
      contact: { id: r.contactId as string, firstName: r.firstName as string | null, lastName: r.lastName as string | null, phone: r.phone as string, consentStatus: r.consentStatus as string },
      assignee: r.assigneeId ? { id: r.assigneeId as string, name: r.assigneeName as string } : null,
      sender: r.senderId ? { id: r.senderId as string, address: r.senderAddress as string } : null,
      last: r.lastDirection ? { body: r.lastBody as string, direction: r.lastDirection as "INBOUND" | "OUTBOUND", mediaCount: r.lastMediaCount as number } : null,
    }),
  );
  const last = page[page.length - 1];
  return { conversations: page, nextCursor: rows.length > input.limit && last ? { at: last.lastMessageAt, id: last.id } : null };
}
