// Stores the short links of messages about to be written, in the transaction that writes them, in
// one set-based statement (unnest, like the messages). Written before the messages: a code someone
// else's link has already taken (62^7 codes: rare, but possible) gets a new one here, in its message's
// body too, so the message, its webhooks and its links agree from the first write. The links of a
// message that then is not inserted (another transaction made it first) are dropped with
// dropShortLinks in the same transaction.
import type { OrgSqlClient } from "@/lib/db/sql";
import { newId } from "@/lib/ids";
import { newLinkCode, shortUrl } from "@/lib/links/link-code";
import type { NewLink } from "@/lib/links/shorten-text";

export interface MessageLinks {
  messageId: string;
  contactId: string | null;
  campaignId: string | null;
  /** The message's body, carrying each link's short URL. */
  body: string;
  links: NewLink[];
}

interface Row {
  id: string;
  code: string;
  url: string;
  item: number;
}

/** Writes the links; returns each message's body as it must be stored (the same unless a code was taken). */
export async function insertShortLinks(tx: OrgSqlClient, items: MessageLinks[]): Promise<string[]> {
  const bodies = items.map((i) => i.body);
  let pending: Row[] = items.flatMap((item, index) => item.links.map((l) => ({ id: newId("shortLink"), code: l.code, url: l.url, item: index })));
  while (pending.length > 0) {
    const inserted = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "ShortLink" (id, "orgId", code, url, "messageId", "contactId", "campaignId", "createdAt")
      SELECT u.id, ${tx.orgId}, u.code, u.url, u.message, u.contact, u.campaign, now() AT TIME ZONE 'UTC'
      FROM unnest(${pending.map((r) => r.id)}::text[], ${pending.map((r) => r.code)}::text[], ${pending.map((r) => r.url)}::text[],
        ${pending.map((r) => items[r.item]!.messageId)}::text[], ${pending.map((r) => items[r.item]!.contactId)}::text[],
        ${pending.map((r) => items[r.item]!.campaignId)}::text[]) AS u(id, code, url, message, contact, campaign)
      ON CONFLICT (code) DO NOTHING
      RETURNING id`;
    const done = new Set(inserted.map((r) => r.id));
    pending = pending
      .filter((r) => !done.has(r.id))
      .map((r) => {
        const code = newLinkCode();
        bodies[r.item] = bodies[r.item]!.replace(shortUrl(r.code), shortUrl(code));
        return { ...r, id: newId("shortLink"), code };
      });
  }
  return bodies;
}

/** Drops the links written for messages that were not inserted after all. */
export async function dropShortLinks(tx: OrgSqlClient, messageIds: string[]): Promise<void> {
  if (messageIds.length === 0) return;
  await tx.$executeRaw`DELETE FROM "ShortLink" WHERE "orgId" = ${tx.orgId} AND "messageId" = ANY(${messageIds}::text[])`;
}
