import { describe, expect, it } from "vitest";
import { inngestServerConfigured, parseEnv } from "@/lib/env";

const VALID = {
  DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/textstack",
  AUTH_SECRET: "a".repeat(32),
};

function messageOf(source: Record<string, string | undefined>): string {
  try {
    parseEnv(source);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected parseEnv to throw");
}

describe("parseEnv", () => {
  it("accepts a complete environment and fills defaults", () => {
    expect(parseEnv(VALID)).toEqual({ ...VALID, NODE_ENV: "development", APP_URL: "http://localhost:3000" });
    expect(parseEnv({ ...VALID, DATABASE_URL: "postgres://db/textstack" }).DATABASE_URL).toBe("postgres://db/textstack");
  });

  it("names a missing DATABASE_URL on one line", () => {
    const message = messageOf({ AUTH_SECRET: VALID.AUTH_SECRET });
    expect(message).not.toContain("\n");
    expect(message).toMatch(/^Invalid environment: DATABASE_URL is required/);
    expect(message).not.toContain("AUTH_SECRET");
  });

  it("names every missing variable when several are missing", () => {
    const message = messageOf({});
    expect(message).not.toContain("\n");
    expect(message).toContain("DATABASE_URL is required");
    expect(message).toContain("AUTH_SECRET is required");
  });

  it("refuses a DATABASE_URL that is not postgresql://", () => {
    expect(messageOf({ ...VALID, DATABASE_URL: "mysql://root@localhost/textstack" })).toBe(
      "Invalid environment: DATABASE_URL must be a postgresql:// URL",
    );
  });

  it("refuses an AUTH_SECRET shorter than 32 characters", () => {
    expect(messageOf({ ...VALID, AUTH_SECRET: "a".repeat(31) })).toBe(
      "Invalid environment: AUTH_SECRET must be at least 32 characters",
    );
  });

  it("refuses an APP_URL that is not absolute, and an unknown NODE_ENV", () => {
    expect(messageOf({ ...VALID, APP_URL: "localhost" })).toMatch(/^Invalid environment: APP_URL must be an absolute URL/);
    expect(messageOf({ ...VALID, NODE_ENV: "staging" })).toMatch(/^Invalid environment: NODE_ENV /);
  });
});

describe("the Inngest variables", () => {
  it("accepts a dev server URL, or an event key with a signing key", () => {
    expect(parseEnv({ ...VALID, INNGEST_DEV: "http://127.0.0.1:8288" }).INNGEST_DEV).toBe("http://127.0.0.1:8288");
    expect(parseEnv({ ...VALID, INNGEST_DEV: "1" }).INNGEST_DEV).toBe("1");
    const cloud = parseEnv({ ...VALID, INNGEST_EVENT_KEY: "ek", INNGEST_SIGNING_KEY: "signkey-prod-12ab" });
    expect(cloud).toMatchObject({ INNGEST_EVENT_KEY: "ek", INNGEST_SIGNING_KEY: "signkey-prod-12ab" });
    expect(parseEnv({ ...VALID, INNGEST_EVENT_KEY: "ek", INNGEST_SIGNING_KEY: "9f86d081884c7d65" }).INNGEST_SIGNING_KEY).toBe("9f86d081884c7d65");
    expect(parseEnv({ ...VALID, EXECUTOR_PORT: "8288" }).EXECUTOR_PORT).toBe(8288);
  });

  it("refuses one key without the other, a malformed signing key, and a bad INNGEST_DEV", () => {
    expect(messageOf({ ...VALID, INNGEST_EVENT_KEY: "ek" })).toBe(
      "Invalid environment: INNGEST_SIGNING_KEY is required with INNGEST_EVENT_KEY (both come from Inngest Cloud or your self-hosted Inngest)",
    );
    expect(messageOf({ ...VALID, INNGEST_SIGNING_KEY: "signkey-prod-12ab" })).toMatch(/^Invalid environment: INNGEST_EVENT_KEY is required with INNGEST_SIGNING_KEY/);
    expect(messageOf({ ...VALID, INNGEST_EVENT_KEY: "ek", INNGEST_SIGNING_KEY: "secret" })).toMatch(/INNGEST_SIGNING_KEY must be hexadecimal/);
    expect(messageOf({ ...VALID, INNGEST_DEV: "yes please" })).toMatch(/^Invalid environment: INNGEST_DEV must be 1, 0, or the URL/);
  });

  it("says when an Inngest server is configured (then `npm start` runs no executor)", () => {
    expect(inngestServerConfigured({})).toBe(false);
    expect(inngestServerConfigured({ INNGEST_DEV: "http://127.0.0.1:8288" })).toBe(true);
    expect(inngestServerConfigured({ INNGEST_BASE_URL: "http://inngest.internal:8288" })).toBe(true);
    expect(inngestServerConfigured({ INNGEST_EVENT_KEY: "ek", INNGEST_SIGNING_KEY: "signkey-prod-12ab" })).toBe(true);
  });
});
