// A text's links replaced, and the text as it will be counted with short links in place: pure, so
// the browser's compose box counts the same characters the server sends (given the base it is
// served: APP_URL/l/, from the dashboard's layout).
import { findUrls } from "@/lib/links/find-urls";

export const LINK_CODE_LENGTH = 7;

/** APP_URL/l/: a short link is this and its code. */
export const shortLinkBase = (appUrl: string) => `${appUrl.replace(/\/+$/, "")}/l/`;

/** `text` with each link replaced; our own short links (base + a code) are left alone, shortening one again would only add a hop. */
export function replaceUrls(text: string, base: string, replace: (url: string) => string): string {
  let out = "";
  let at = 0;
  for (const found of findUrls(text)) {
    if (found.url.startsWith(base) && found.url.length === base.length + LINK_CODE_LENGTH) continue;
    out += text.slice(at, found.start) + replace(found.url);
    at = found.end;
  }
  return out + text.slice(at);
}

/** The text as it will be sent, for counting: each link a short link of the real length (before any code exists). */
export function textWithShortLinks(text: string, base: string): string {
  const placeholder = base + "x".repeat(LINK_CODE_LENGTH);
  return replaceUrls(text, base, () => placeholder);
}
