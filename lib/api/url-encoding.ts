// Percent-encoding that does not decode to UTF-8 (`%ff`, a cut `%e2%82`, a lone `%`). Next.js cannot
// route such a path: decoding the route's params throws, and with no pages/_error its 400 turns into
// a plain-text 500 (proxy.ts refuses the path first). In a query string or form body URLSearchParams
// turns the bytes into U+FFFD without a word, so a value would be used changed: refused instead.
// A route handler never sees its query as sent: Next.js re-encodes it from the decoded parameters
// (`%ff` arrives as `%EF%BF%BD`), so there the replacement character itself is what is refused.
const decodes = (text: string) => {
  try {
    decodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
};

/** Whether a path (`/api/v1/messages/%ff`) has a segment that does not decode. */
export const hasMalformedSegment = (pathname: string) => !pathname.split("/").every(decodes);

/**
 * The first pair of `a=1&b=2` (a query string or a form body) whose name or value does not decode:
 * its name as sent (still encoded if it is the name that is broken); null when every pair decodes.
 */
export function malformedPair(text: string): string | null {
  for (const pair of text.split("&")) {
    const [name = "", value = ""] = pair.replaceAll("+", " ").split(/=(.*)/s);
    if (!decodes(name)) return name;
    if (!decodes(value)) return decodeURIComponent(name);
  }
  return null;
}

/** The first query parameter whose name or value holds U+FFFD, what a broken escape decodes to; null when none does. */
export function replacedQueryParam(url: URL): string | null {
  for (const [name, value] of url.searchParams) if (name.includes("\ufffd") || value.includes("\ufffd")) return name;
  return null;
}
