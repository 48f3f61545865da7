// A text with its links replaced by short links, per recipient: each call makes new codes, so a
// click says whose message it came from. The writer (insert-short-links.ts) stores the links in the
// transaction that stores the message.
import { addUtm } from "@/lib/links/add-utm";
import { appShortLinkBase, newLinkCode, shortUrl } from "@/lib/links/link-code";
import { replaceUrls } from "@/lib/links/link-text";

export interface LinkOptions {
  /** Add UTM parameters naming this campaign (add-utm.ts); null: the URL as typed. */
  utmCampaign: string | null;
}

export interface NewLink {
  code: string;
  /** The destination, UTM parameters included. */
  url: string;
}

export interface ShortenedText {
  text: string;
  links: NewLink[];
}

export function shortenText(text: string, options: LinkOptions): ShortenedText {
  const links: NewLink[] = [];
  const shortened = replaceUrls(text, appShortLinkBase(), (url) => {
    const link = { code: newLinkCode(), url: options.utmCampaign === null ? url : addUtm(url, options.utmCampaign) };
    links.push(link);
    return shortUrl(link.code);
  });
  return { text: shortened, links };
}
