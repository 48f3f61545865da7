// UTM parameters for a campaign's links, so the destination's analytics credit the text: source
// textstack, medium sms, campaign the campaign's name as a slug. A parameter the marketer already put
// in the URL is theirs and stays (also when it is empty).

export function campaignSlug(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug || "campaign";
}

/** `url` with utm_source, utm_medium and utm_campaign added where absent; a URL that does not parse is returned as it is. */
export function addUtm(url: string, campaignName: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const add = { utm_source: "textstack", utm_medium: "sms", utm_campaign: campaignSlug(campaignName) };
  const missing = Object.entries(add).filter(([key]) => !parsed.searchParams.has(key));
  if (missing.length === 0) return url;
  // Appended to the query as written (URLSearchParams would re-encode the marketer's own parameters).
  const extra = missing.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("&");
  const hashAt = url.indexOf("#");
  const [head, hash] = hashAt === -1 ? [url, ""] : [url.slice(0, hashAt), url.slice(hashAt)];
  const joiner = !head.includes("?") ? "?" : head.endsWith("?") || head.endsWith("&") ? "" : "&";
  return `${head}${joiner}${extra}${hash}`;
}
