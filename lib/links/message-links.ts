// A message's tracked links for its page: each with where it leads, people's clicks and the requests
// not counted (previews, scanners, too soon), and the latest requests with their reason. Read by the
// message's id along ShortLink(messageId) and LinkClick(linkId).
import { orgSql } from "@/lib/db/sql";
import { notFound } from "@/lib/errors";
import { shortUrl } from "@/lib/links/link-code";
import type { OrgContext } from "@/lib/org-context";

export interface MessageLink {
  id: string;
  shortUrl: string;
  url: string;
  clicks: number;
  notCounted: number;
}

export interface MessageLinkClick {
  id: string;
  linkId: string;
  occurredAt: Date;
  userAgent: string | null;
  botReason: string | null;
}

const RECENT = 20;

export async function messageLinks(ctx: OrgContext, messageId: string): Promise<{ links: MessageLink[]; recent: MessageLinkClick[] }> {
  const sql = orgSql(ctx);
  const [message] = await sql.$queryRaw<{ id: string }[]>`SELECT id FROM "Message" WHERE id = ${messageId} AND "orgId" = ${ctx.orgId}`;
  if (!message) throw notFound("Message", "id");
  const links = await sql.$queryRaw<(Omit<MessageLink, "shortUrl"> & { code: string })[]>`
    SELECT s.id, s.code, s.url,
      count(k.id) FILTER (WHERE k."botReason" IS NULL)::int AS clicks,
      count(k.id) FILTER (WHERE k."botReason" IS NOT NULL)::int AS "notCounted"
    FROM "ShortLink" s LEFT JOIN "LinkClick" k ON k."linkId" = s.id AND k."orgId" = ${ctx.orgId}
    WHERE s."orgId" = ${ctx.orgId} AND s."messageId" = ${messageId}
    GROUP BY s.id ORDER BY s.id`;
  if (links.length === 0) return { links: [], recent: [] };
  const recent = await sql.$queryRaw<MessageLinkClick[]>`
    SELECT id, "linkId", "occurredAt", "userAgent", "botReason" FROM "LinkClick"
    WHERE "orgId" = ${ctx.orgId} AND "linkId" = ANY(${links.map((l) => l.id)}::text[])
    ORDER BY "occurredAt" DESC, id DESC LIMIT ${RECENT}`;
  return { links: links.map(({ code, ...l }) => ({ ...l, shortUrl: shortUrl(code) })), recent };
}
