// A request of APP_URL/l/<code>: the click recorded (every request of a live link, bots marked with
// their reason) and where to send the browser. Public and fast: a code is checked for its shape
// before any lookup, then one transaction of one statement (the link by its unique code, its
// message's times by primary key, the click inserted) and, for a person's click to an org with an
// endpoint wanting it, the link.clicked webhook's outbox rows. Cross-org by nature (the code is
// what says whose link it is, as a key says whose request it is), hence systemSql
// (eslint.config.mjs SYSTEM_SQL_FILES); every row it writes carries the link's own org.
import type { Db } from "@/lib/db/client";
import { systemSqlTransaction } from "@/lib/db/sql";
import { newId } from "@/lib/ids";
import { requestBotReason, TOO_SOON_SECONDS, type BotReason } from "@/lib/links/bot-reason";
import { LINK_CODE_PATTERN } from "@/lib/links/link-code";
import { linkClickedEvent, type ClickedLink } from "@/lib/links/link-clicked-event";
import { enqueueWebhookEvents } from "@/lib/webhooks/enqueue-webhook-events";

export interface ClickRequest {
  code: string;
  method: string;
  userAgent: string | null;
}

/** Redirect to `url`; or the link is unknown or expired (the friendly page). */
export type ClickOutcome = { kind: "redirect"; url: string; botReason: BotReason | null } | { kind: "not_found" };

interface Row extends Omit<ClickedLink, "clickId" | "occurredAt" | "userAgent"> {
  expired: boolean;
  clickId: string | null;
  botReason: BotReason | null;
  occurredAt: Date | null;
  hooked: boolean;
}

// Longer user agents are cut: they are stored for people to read, and the request is anyone's.
const MAX_AGENT = 512;

export async function recordClick(db: Db, request: ClickRequest): Promise<ClickOutcome> {
  if (!LINK_CODE_PATTERN.test(request.code)) return { kind: "not_found" };
  const userAgent = request.userAgent?.slice(0, MAX_AGENT) ?? null;
  const reason = requestBotReason(request.method, userAgent);
  return systemSqlTransaction(db, async (tx) => {
    const [row] = await tx.$queryRaw<Row[]>`
      WITH l AS (
        SELECT s.id, s."orgId", s.url, s."messageId", s."contactId", s."campaignId",
          COALESCE(s."expiresAt" <= now() AT TIME ZONE 'UTC', false) AS expired,
          GREATEST(m."sentAt", m."deliveredAt") AS reached
        FROM "ShortLink" s LEFT JOIN "Message" m ON m.id = s."messageId" AND m."orgId" = s."orgId"
        WHERE s.code = ${request.code}
      ), c AS (
        INSERT INTO "LinkClick" (id, "orgId", "linkId", "messageId", "contactId", "campaignId", "occurredAt", "userAgent", "botReason")
        SELECT ${newId("linkClick")}, l."orgId", l.id, l."messageId", l."contactId", l."campaignId", now() AT TIME ZONE 'UTC', ${userAgent},
          COALESCE(${reason}::text,
            CASE WHEN l.reached > now() AT TIME ZONE 'UTC' - make_interval(secs => ${TOO_SOON_SECONDS}) THEN 'too_soon' END)
        FROM l WHERE NOT l.expired
        RETURNING id, "botReason", "occurredAt"
      )
      SELECT l.id, l."orgId", l.url, l."messageId", l."contactId", l."campaignId", l.expired,
        c.id AS "clickId", c."botReason", c."occurredAt",
        c.id IS NOT NULL AND c."botReason" IS NULL AND EXISTS (SELECT 1 FROM "WebhookEndpoint" e
          WHERE e."orgId" = l."orgId" AND e.enabled AND 'link.clicked' = ANY(e."eventTypes")) AS hooked
      FROM l LEFT JOIN c ON true`;
    if (!row || row.expired) return { kind: "not_found" } as const;
    if (row.hooked) {
      await enqueueWebhookEvents(tx, [linkClickedEvent({ ...row, clickId: row.clickId!, occurredAt: row.occurredAt!, userAgent })]);
    }
    return { kind: "redirect", url: row.url, botReason: row.botReason } as const;
  });
}
