// A text with its links replaced by short links, per recipient: each call makes new codes, so a
// click says whose message it came from. The writer (insert-short-links.ts) stores the links in the
// transaction that stores the message.
import { addUtm } from "@/lib/links/add-utm";
import { findUrls } from "@/lib/links/find-urls";
import { LINK_CODE_LENGTH, newLinkCode, shortUrl } from "@/lib/links/link-code";

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

/** Our own short links are left alone: shortening one again would only add a hop. */
function isShortLink(url: string): boolean {
  return url.startsWith(shortUrl("")) && url.length === shortUrl("").length + LINK_CODE_LENGTH;
}

function replaceUrls(text: string, replace: (url: string) => string): string {
  let out = "";
  let at = 0;
  for (const found of findUrls(text)) {
    if (isShortLink(found.url)) continue;
    out += text.slice(at, found.start) + replace(found.url);
    at = found.end;
  }
  return out + text.slice(at);
}

export function shortenText(text: string, options: LinkOptions): ShortenedText {
  const links: NewLink[] = [];
  const shortened = replaceUrls(text, (url) => {
    const link = { code: newLinkCode(), url: options.utmCampaign === null ? url : addUtm(url, options.utmCampaign) };
    links.push(link);
    return shortUrl(link.code);
  });
  return { text: shortened, links };
}

/**
 * The text as it will be sent, for counting: each link a short link of the real length (plans and
 * previews price it before any code exists).
 */
export function textWithShortLinks(text: string): string {
  return replaceUrls(text, () => shortUrl("x".repeat(LINK_CODE_LENGTH)));
}
