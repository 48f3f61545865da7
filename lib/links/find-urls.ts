// The web links in a text, as people type them in a marketing SMS: http:// or https:// up to the next
// space, less what ends the sentence around it. No library: linkify-it and its kin also find bare
// domains and e-mail addresses, which we must not rewrite (a "shop.com" the marketer typed stays as
// typed), and the rules below are the few that matter for texts.
// - Trailing . , ; : ! ? ' " and ellipses end the sentence, not the URL.
// - A closing ) ] } belongs to the URL only when the URL opened it: "(see https://x.com/a_(b))".
// - < > and quotes around a URL delimit it.

export interface FoundUrl {
  /** Offsets in the text: text.slice(start, end) === url. */
  start: number;
  end: number;
  url: string;
}

const CANDIDATE = /\bhttps?:\/\/[^\s<>"'`\u00a0\u2018\u2019\u201c\u201d]+/gi;
const TRAILING = /[.,;:!?'"\u2026*_~]$/;
const CLOSERS: Record<string, string> = { ")": "(", "]": "[", "}": "{" };

function trimEnd(url: string): string {
  for (;;) {
    const last = url.at(-1)!;
    if (TRAILING.test(last)) {
      url = url.slice(0, -1);
      continue;
    }
    const opener = CLOSERS[last];
    if (opener && count(url, opener) < count(url, last)) {
      url = url.slice(0, -1);
      continue;
    }
    return url;
  }
}

const count = (text: string, ch: string) => text.split(ch).length - 1;

/** The URLs of `text` in order; one with nothing after the scheme ("https://") is none. */
export function findUrls(text: string): FoundUrl[] {
  const found: FoundUrl[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    const url = trimEnd(match[0]);
    const host = url.replace(/^https?:\/\//i, "");
    if (!/^[\p{L}\p{N}]/u.test(host)) continue;
    found.push({ start: match.index, end: match.index + url.length, url });
  }
  return found;
}
