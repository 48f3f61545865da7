import { describe, expect, it, vi } from "vitest";
import { checkMediaUrl, signedMediaUrl } from "@/lib/media/media-url";

// lib/env.ts reads the environment on first use, which comes after these.
vi.stubEnv("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/unused");
vi.stubEnv("AUTH_SECRET", "media-url-unit-test-secret-0123456789");
vi.stubEnv("APP_URL", "https://sms.example.com/");

const NOW = Date.parse("2026-03-01T12:00:00Z");
const ID = "med_01jq0000000000000000000000";

function parts(url: string) {
  const parsed = new URL(url);
  return { path: parsed.pathname, expires: parsed.searchParams.get("expires"), sig: parsed.searchParams.get("sig") };
}

describe("signedMediaUrl", () => {
  it("points at the media route of APP_URL with an expiry and a signature", () => {
    const url = signedMediaUrl(ID, 3600, NOW);
    expect(url).toMatch(new RegExp(`^https://sms\\.example\\.com/api/media/${ID}\\?expires=${NOW / 1000 + 3600}&sig=[\\w-]{43}$`));
  });

  it("is accepted for its own asset until it expires", () => {
    const { expires, sig } = parts(signedMediaUrl(ID, 60, NOW));
    expect(checkMediaUrl(ID, expires, sig, NOW)).toEqual({ ok: true, expiresAt: new Date(NOW + 60_000) });
    expect(checkMediaUrl(ID, expires, sig, NOW + 59_999).ok).toBe(true);
    expect(checkMediaUrl(ID, expires, sig, NOW + 60_000)).toEqual({ ok: false, message: "This media link has expired" });
  });

  it("is refused for another asset, another expiry or an altered signature", () => {
    const { expires, sig } = parts(signedMediaUrl(ID, 60, NOW));
    const invalid = { ok: false, message: "This media link's signature is not valid" };
    expect(checkMediaUrl("med_01jq0000000000000000000001", expires, sig, NOW)).toEqual(invalid);
    expect(checkMediaUrl(ID, String(Number(expires) + 86_400), sig, NOW)).toEqual(invalid);
    const flipped = sig!.slice(0, -1) + (sig!.endsWith("A") ? "B" : "A");
    expect(checkMediaUrl(ID, expires, flipped, NOW)).toEqual(invalid);
    expect(checkMediaUrl(ID, expires, (sig!.startsWith("A") ? "B" : "A") + sig!.slice(1), NOW)).toEqual(invalid);
    expect(checkMediaUrl(ID, expires, `${sig}=`, NOW)).toEqual(invalid);
    expect(checkMediaUrl(ID, expires, sig!.slice(0, 20), NOW)).toEqual(invalid);
  });

  it("is refused without its parameters or with a malformed expiry", () => {
    const { expires, sig } = parts(signedMediaUrl(ID, 60, NOW));
    const unsigned = { ok: false, message: "This media link is not signed" };
    expect(checkMediaUrl(ID, null, sig, NOW)).toEqual(unsigned);
    expect(checkMediaUrl(ID, expires, null, NOW)).toEqual(unsigned);
    expect(checkMediaUrl(ID, `${expires}.5`, sig, NOW)).toEqual(unsigned);
    expect(checkMediaUrl(ID, "-1", sig, NOW)).toEqual(unsigned);
  });
});
