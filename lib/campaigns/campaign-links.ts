// A campaign's links (its "Track links" and "Add UTM parameters" options): each recipient's message
// gets short links of its own (lib/links/), written in the fan-out chunk's transaction before the
// messages, and the plan counts the text with short links at their real length.
import type { OrgSqlClient } from "@/lib/db/sql";
import { insertShortLinks } from "@/lib/links/insert-short-links";
import { appShortLinkBase } from "@/lib/links/link-code";
import { textWithShortLinks } from "@/lib/links/link-text";
import { shortenText, type LinkOptions, type NewLink } from "@/lib/links/shorten-text";

interface LinkSettings {
  name: string;
  trackLinks: boolean;
  utmParameters: boolean;
}

/** How its messages' links are shortened, or null when they are sent as written. */
export function campaignLinkOptions(campaign: LinkSettings): LinkOptions | null {
  return campaign.trackLinks ? { utmCampaign: campaign.utmParameters ? campaign.name : null } : null;
}

/** A rendered message as sent: its links shortened (new codes each call) when the campaign tracks them. */
export function withCampaignLinks(body: string, options: LinkOptions | null): { body: string; links: NewLink[] } {
  if (!options) return { body, links: [] };
  const { text, links } = shortenText(body, options);
  return { body: text, links };
}

/** The text whose segments the plan counts: short links in place of the links, at their real length. */
export function countedText(campaign: LinkSettings, text: string): string {
  return campaign.trackLinks ? textWithShortLinks(text, appShortLinkBase()) : text;
}

/** Writes the messages' links; a message whose code had to change gets its new body here. */
export async function writeCampaignLinks(
  tx: OrgSqlClient,
  campaignId: string,
  messages: { id: string; contactId: string; body: string; links: NewLink[] }[],
): Promise<void> {
  const linked = messages.filter((m) => m.links.length > 0);
  if (linked.length === 0) return;
  const bodies = await insertShortLinks(
    tx,
    linked.map((m) => ({ messageId: m.id, contactId: m.contactId, campaignId, body: m.body, links: m.links })),
  );
  linked.forEach((m, i) => (m.body = bodies[i]!));
}
