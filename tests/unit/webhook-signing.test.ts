import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY_DELAYS_MS, nextAttemptAt, scheduleSpanMs } from "@/lib/webhooks/retry-schedule";
import { newWebhookSecret, signatureHeaders } from "@/lib/webhooks/sign-webhook";

describe("webhook secrets and signatures", () => {
  it("makes whsec_ secrets of 24 random bytes, different every time", () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(Buffer.from(secret.slice(6), "base64")).toHaveLength(24);
    expect(newWebhookSecret()).not.toBe(secret);
  });

  it("signs so the standardwebhooks package verifies, and a changed body or other secret fails", () => {
    const secret = newWebhookSecret();
    const body = JSON.stringify({ type: "message.delivered", timestamp: new Date().toISOString(), data: { id: "msg_1", body: "Héllo ✓" } });
    const headers = signatureHeaders(secret, "evt_1", Math.floor(Date.now() / 1000), body);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(secret).verify(body.replace("msg_1", "msg_2"), headers)).toThrow();
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow();
    // A timestamp too far from now is refused by receivers (replay protection).
    const old = signatureHeaders(secret, "evt_1", Math.floor(Date.now() / 1000) - 3_600, body);
    expect(() => new Webhook(secret).verify(body, old)).toThrow();
  });
});

describe("the retry schedule", () => {
  const start = new Date("2026-01-01T00:00:00Z");

  it("retries after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h, then gives up", () => {
    const delays: number[] = [];
    for (let attempt = 1; ; attempt++) {
      const next = nextAttemptAt(attempt, start);
      if (!next) break;
      delays.push(next.getTime() - start.getTime());
    }
    expect(delays).toEqual([5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000]);
    expect(nextAttemptAt(8, start)).toBeNull();
  });

  it("lasts at least 24 hours from the first attempt to the last", () => {
    expect(scheduleSpanMs()).toBeGreaterThanOrEqual(24 * 3_600_000);
    expect(scheduleSpanMs(DEFAULT_RETRY_DELAYS_MS)).toBe(5_000 + 300_000 + 1_800_000 + 7_200_000 + 18_000_000 + 72_000_000);
  });

  it("follows a given schedule", () => {
    expect(nextAttemptAt(1, start, [100, 200])!.getTime() - start.getTime()).toBe(100);
    expect(nextAttemptAt(2, start, [100, 200])!.getTime() - start.getTime()).toBe(200);
    expect(nextAttemptAt(3, start, [100, 200])).toBeNull();
    expect(nextAttemptAt(1, start, [])).toBeNull();
  });
});
