// A request of APP_URL/l/<code>: the click recorded (every request of a live link, bots marked with
// their reason) and where to send the browser. Public and fast: a code is checked for its shape
// before any lookup, then one statement committed on its own (the link by its unique code, its
// message's times by primary key, the click inserted: one round trip); only a person's click to an
// org with an endpoint wanting link.clicked takes a transaction, for the click and its outbox rows. Cross-org by nature (the code is
// what says whose link it is, as a key says whose request it is), hence systemSql
// (eslint.config.mjs SYSTEM_SQL_FILES); every row it writes carries the link's own org. A person's
// click is then announced to workflows, after its commit, without holding up the redirect.
import type { Db } from "@/lib/db/client";
import { systemSqlTransaction } from "@/lib/db/sql";
import { emitTriggers } from "@/lib/events/announce-triggers";
import { newId } from "@/lib/ids";
import { logger } from "@/lib/log/logger";
import { requestBotReason, TOO_SOON_SECONDS, type BotReason } from "@/lib/links/bot-reason";
import { LINK_CODE_PATTERN } from "@/lib/links/link-code";
import { linkClickedEvent, type ClickedLink } from "@/lib/links/link-clicked-event";
import { enqueueWebhookEvents } from "@/lib/webhooks/enqueue-webhook-events";

const log = logger.child({ component: "links" });

export interface ClickRequest {
  code: string;
  method: string;
  userAgent: string | null;
}

/** Redirect to `url`; or the link is unknown or expired (the friendly page). */
export type ClickOutcome = { kind: "redirect"; url: string; botReason: BotReason | null } | { kind: "not_found" };

interface Row extends Omit<ClickedLink, "clickId" | "occurredAt" | "userAgent"> {
  expired: boolean;
  botReason: BotReason | null;
  hooked: boolean;
  /** 1 when the statement inserted the click, 0 when it is left to clickWithWebhook (or the link expired). */
  inserted: number;
}

// Longer user agents are cut: they are stored for people to read, and the request is anyone's.
const MAX_AGENT = 512;

export async function recordClick(db: Db, request: ClickRequest): Promise<ClickOutcome> {
  if (!LINK_CODE_PATTERN.test(request.code)) return { kind: "not_found" };
  const userAgent = request.userAgent?.slice(0, MAX_AGENT) ?? null;
  const reason = requestBotReason(request.method, userAgent);
  const clickId = newId("linkClick");
  // One statement: the click is inserted unless it is a person's and the org has an endpoint for
  // link.clicked, which needs the outbox row in the click's transaction (below). Its commit does not
  // wait for the WAL to reach the disk (synchronous_commit off, for this transaction only): under a
  // busy disk that wait was the redirect's slowest part (BENCHMARKS.md), and what a crash of
  // PostgreSQL itself could lose is the last fraction of a second of clicks, never half of one.
  const [row] = await systemSqlTransaction(db, async (tx) => {
    await tx.$executeRaw`SET LOCAL synchronous_commit = off`;
    return tx.$queryRaw<Row[]>`
      WITH l AS (
      -- The message as it is (a click's messageId is a foreign key; a message deleted since leaves none).
      SELECT s.id, s."orgId", s.url, m.id AS "messageId", s."contactId", s."campaignId",
        COALESCE(s."expiresAt" <= now() AT TIME ZONE 'UTC', false) AS expired,
        COALESCE(${reason}::text, CASE WHEN GREATEST(m."sentAt", m."deliveredAt") > now() AT TIME ZONE 'UTC' - make_interval(secs => ${TOO_SOON_SECONDS})
          THEN 'too_soon' END) AS "botReason",
        EXISTS (SELECT 1 FROM "WebhookEndpoint" e WHERE e."orgId" = s."orgId" AND e.enabled AND 'link.clicked' = ANY(e."eventTypes")) AS hooked
      FROM "ShortLink" s LEFT JOIN "Message" m ON m.id = s."messageId" AND m."orgId" = s."orgId"
      WHERE s.code = ${request.code}
    ), c AS (
      INSERT INTO "LinkClick" (id, "orgId", "linkId", "messageId", "contactId", "campaignId", "occurredAt", "userAgent", "botReason")
      SELECT ${clickId}, l."orgId", l.id, l."messageId", l."contactId", l."campaignId", now() AT TIME ZONE 'UTC', ${userAgent}, l."botReason"
      FROM l WHERE NOT l.expired AND (l."botReason" IS NOT NULL OR NOT l.hooked)
      RETURNING id
    )
    SELECT l.*, (SELECT count(*) FROM c)::int AS inserted FROM l`;
  });
  if (!row || row.expired) return { kind: "not_found" };
  if (row.inserted === 0) await clickWithWebhook(db, row, clickId, userAgent);
  if (row.botReason === null && row.contactId) announceClick(db, row, clickId);
  return { kind: "redirect", url: row.url, botReason: row.botReason };
}

/**
 * A person's click, committed, told to workflows (link_clicked, keyed by the campaign of the
 * link's message) without the redirect waiting for the job server: not awaited, a failure logged.
 */
function announceClick(db: Db, link: Row, clickId: string): void {
  const data = { url: link.url, linkId: link.id, clickId, messageId: link.messageId, campaignId: link.campaignId };
  emitTriggers(db, [{ orgId: link.orgId, kind: "link_clicked", key: link.campaignId, contactIds: [link.contactId!], data }]).catch((error: unknown) =>
    log.error(`link_clicked of ${link.id} not announced: ${(error as Error).message}`),
  );
}

/** A person's click for an org with a link.clicked endpoint: the click and its outbox rows in one transaction. */
async function clickWithWebhook(db: Db, link: Row, clickId: string, userAgent: string | null) {
  await systemSqlTransaction(db, async (tx) => {
    const [click] = await tx.$queryRaw<{ occurredAt: Date }[]>`
      INSERT INTO "LinkClick" (id, "orgId", "linkId", "messageId", "contactId", "campaignId", "occurredAt", "userAgent", "botReason")
      VALUES (${clickId}, ${link.orgId}, ${link.id}, ${link.messageId}, ${link.contactId}, ${link.campaignId}, now() AT TIME ZONE 'UTC', ${userAgent}, NULL)
      RETURNING "occurredAt"`;
    await enqueueWebhookEvents(tx, [linkClickedEvent({ ...link, clickId, occurredAt: click!.occurredAt, userAgent })]);
  });
}
