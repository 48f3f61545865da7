// What a campaign's recipients did after its message, as SQL conditions on the campaign message `m`:
// the funnel (campaign-stats.ts) and the A/B results (variant-stats.ts) count them the same way.
// Replies are matched on the inbound index by contact ((orgId, contactId, id)), one probe a message.
import { Prisma } from "@/lib/generated/prisma/client";

/** The campaign message `m`'s recipient replied: an inbound text within `replyDays` of it. */
export const repliedTo = (orgId: string, replyDays: number) => Prisma.sql`EXISTS (
  SELECT 1 FROM "Message" i WHERE i."orgId" = ${orgId} AND i."contactId" = m."contactId" AND i.direction = 'INBOUND'
    AND i."createdAt" >= m."createdAt" AND i."createdAt" < m."createdAt" + make_interval(days => ${replyDays}))`;

/** The campaign message `m`'s recipient opted out within `replyDays` of it. */
export const optedOutAfter = (orgId: string, replyDays: number) => Prisma.sql`EXISTS (
  SELECT 1 FROM "ConsentEvent" e WHERE e."orgId" = ${orgId} AND e."contactId" = m."contactId" AND e.action = 'OPT_OUT'
    AND e."occurredAt" >= m."createdAt" AND e."occurredAt" < m."createdAt" + make_interval(days => ${replyDays}))`;
