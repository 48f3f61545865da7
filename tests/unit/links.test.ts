// Finding links in texts, UTM parameters, short link codes and the user agents taken for bots.
import { describe, expect, it, vi } from "vitest";
import { addUtm, campaignSlug } from "@/lib/links/add-utm";
import { isBotAgent, requestBotReason } from "@/lib/links/bot-reason";
import { findUrls } from "@/lib/links/find-urls";
import { appShortLinkBase, LINK_CODE_PATTERN, newLinkCode, shortUrl } from "@/lib/links/link-code";
import { textWithShortLinks } from "@/lib/links/link-text";
import { shortenText } from "@/lib/links/shorten-text";

// lib/env.ts reads the environment on first use, which comes after these.
vi.stubEnv("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/unused");
vi.stubEnv("AUTH_SECRET", "links-unit-test-secret-0123456789abcdef");
vi.stubEnv("APP_URL", "https://sms.example.com/");

const urls = (text: string) => findUrls(text).map((f) => f.url);

describe("findUrls", () => {
  it("finds http and https links, not bare domains or other schemes", () => {
    expect(urls("Shop https://shop.example.com/sale now, or http://x.io")).toEqual(["https://shop.example.com/sale", "http://x.io"]);
    expect(urls("Visit shop.example.com or ftp://files.example.com or mailto:a@b.c")).toEqual([]);
    expect(urls("HTTPS://EXAMPLE.COM/A")).toEqual(["HTTPS://EXAMPLE.COM/A"]);
    expect(urls("just https:// alone")).toEqual([]);
  });

  it("leaves the sentence's punctuation out", () => {
    expect(urls("See https://x.com/a.")).toEqual(["https://x.com/a"]);
    expect(urls("See https://x.com/a!!! Or https://y.com/b?, ok")).toEqual(["https://x.com/a", "https://y.com/b"]);
    expect(urls('He said "https://x.com/q" then')).toEqual(["https://x.com/q"]);
    expect(urls("Go: https://x.com/sale…")).toEqual(["https://x.com/sale"]);
  });

  it("keeps query strings and fragments, and a closing parenthesis only when the link opened it", () => {
    expect(urls("https://x.com/p?a=1&b=two%20words#top.")).toEqual(["https://x.com/p?a=1&b=two%20words#top"]);
    expect(urls("(see https://x.com/a)")).toEqual(["https://x.com/a"]);
    expect(urls("(see https://en.wikipedia.org/wiki/Bay_(band))")).toEqual(["https://en.wikipedia.org/wiki/Bay_(band)"]);
    expect(urls("[https://x.com/a]")).toEqual(["https://x.com/a"]);
    expect(urls("<https://x.com/a>")).toEqual(["https://x.com/a"]);
  });

  it("gives offsets that slice the text back to the link", () => {
    const text = "Hi! https://a.co/x and\nhttps://b.co/y.";
    for (const f of findUrls(text)) expect(text.slice(f.start, f.end)).toBe(f.url);
  });
});

describe("addUtm", () => {
  it("adds source, medium and the campaign's slug", () => {
    expect(addUtm("https://x.com/sale", "Black Friday: 20% off!")).toBe(
      "https://x.com/sale?utm_source=textstack&utm_medium=sms&utm_campaign=black-friday-20-off",
    );
    expect(addUtm("https://x.com/?a=1#top", "Café")).toBe("https://x.com/?a=1&utm_source=textstack&utm_medium=sms&utm_campaign=cafe#top");
  });

  it("never overwrites the link's own, and leaves its other parameters as written", () => {
    expect(addUtm("https://x.com/?utm_source=ig&q=a%2Cb", "Spring")).toBe("https://x.com/?utm_source=ig&q=a%2Cb&utm_medium=sms&utm_campaign=spring");
    const all = "https://x.com/?utm_source=a&utm_medium=b&utm_campaign=c";
    expect(addUtm(all, "Spring")).toBe(all);
  });

  it("slugs names of nothing but symbols to a word", () => {
    expect(campaignSlug("!!!")).toBe("campaign");
  });
});

describe("short links", () => {
  it("are 7 base62 characters, random", () => {
    const codes = new Set(Array.from({ length: 2000 }, newLinkCode));
    expect(codes.size).toBe(2000);
    for (const code of codes) expect(code).toMatch(LINK_CODE_PATTERN);
  });

  it("replace each link with a code of its own, and the preview counts the same length", () => {
    const text = "Sale https://shop.example.com/a?x=1. Also https://shop.example.com/b";
    const { text: short, links } = shortenText(text, { utmCampaign: "Sale" });
    expect(links).toHaveLength(2);
    expect(links[0]!.url).toBe("https://shop.example.com/a?x=1&utm_source=textstack&utm_medium=sms&utm_campaign=sale");
    expect(shortUrl(links[0]!.code)).toBe(`https://sms.example.com/l/${links[0]!.code}`);
    expect(short).toBe(`Sale ${shortUrl(links[0]!.code)}. Also ${shortUrl(links[1]!.code)}`);
    expect(textWithShortLinks(text, appShortLinkBase())).toHaveLength(short.length);
    expect(shortenText(text, { utmCampaign: null }).links[1]!.url).toBe("https://shop.example.com/b");
  });

  it("leave our own short links alone", () => {
    const own = `Again: ${shortUrl("AbC1234")}`;
    expect(shortenText(own, { utmCampaign: null })).toEqual({ text: own, links: [] });
  });
});

describe("bot filtering by request", () => {
  it("marks HEAD, no user agent, previews, scanners, libraries and headless browsers", () => {
    const iPhone = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
    expect(requestBotReason("GET", iPhone)).toBeNull();
    expect(requestBotReason("HEAD", iPhone)).toBe("head");
    expect(requestBotReason("GET", null)).toBe("no_agent");
    for (const agent of [
      "facebookexternalhit/1.1 Facebot Twitterbot/1.0", // Apple's Messages previews
      "WhatsApp/2.23.20.0 A",
      "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
      "TelegramBot (like TwitterBot)",
      "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)",
      "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
      "Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5",
      "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.1.1 Safari/605.1.15 (Applebot/0.1)",
      "python-requests/2.32.3",
      "curl/8.5.0",
      "Go-http-client/2.0",
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36",
      "Barracuda Sentinel (EE)",
      "Proofpoint URL Defense",
      "Mimecast-URL-Protect",
    ]) {
      expect(isBotAgent(agent), agent).toBe(true);
    }
  });
});
