import { describe, expect, it } from "vitest";
import { inngestServerConfigured, logLevel, parseEnv } from "@/lib/env";

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
    expect(parseEnv(VALID)).toEqual({ ...VALID, NODE_ENV: "development", APP_URL: "http://localhost:3000", API_RATE_LIMIT: 100 });
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

describe("the media storage variables", () => {
  const S3 = { S3_BUCKET: "textstack-media", S3_REGION: "us-east-1", S3_ACCESS_KEY_ID: "AKIA0", S3_SECRET_ACCESS_KEY: "secret" };

  it("are all optional: media then goes to local disk", () => {
    const env = parseEnv(VALID);
    expect([env.MEDIA_DIR, env.S3_BUCKET, env.S3_FORCE_PATH_STYLE]).toEqual([undefined, undefined, undefined]);
    expect(parseEnv({ ...VALID, MEDIA_DIR: "/var/lib/textstack/media" }).MEDIA_DIR).toBe("/var/lib/textstack/media");
  });

  it("accept a complete bucket, with an endpoint and path-style addressing for MinIO and the like", () => {
    expect(parseEnv({ ...VALID, ...S3 })).toMatchObject(S3);
    const minio = parseEnv({ ...VALID, ...S3, S3_ENDPOINT: "http://127.0.0.1:9000", S3_FORCE_PATH_STYLE: "true" });
    expect(minio).toMatchObject({ S3_ENDPOINT: "http://127.0.0.1:9000", S3_FORCE_PATH_STYLE: true });
    expect(parseEnv({ ...VALID, ...S3, S3_FORCE_PATH_STYLE: "0" }).S3_FORCE_PATH_STYLE).toBe(false);
  });

  it("name every S3 variable missing from a partial bucket", () => {
    expect(messageOf({ ...VALID, S3_BUCKET: "textstack-media" })).toBe(
      "Invalid environment: " +
        ["S3_REGION", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"]
          .map((name) => `${name} is required with S3_BUCKET (media is stored in an S3-compatible bucket when S3_* is set)`)
          .join("; "),
    );
    const message = messageOf({ ...VALID, S3_ENDPOINT: "https://s3.example.com" });
    expect(message).toContain("S3_BUCKET is required with S3_ENDPOINT");
    expect(message).not.toContain("\n");
  });

  it("refuse malformed values by name", () => {
    expect(messageOf({ ...VALID, ...S3, S3_BUCKET: "Bad_Bucket" })).toMatch(/^Invalid environment: S3_BUCKET must be a bucket name/);
    expect(messageOf({ ...VALID, ...S3, S3_ENDPOINT: "s3.example.com" })).toMatch(/^Invalid environment: S3_ENDPOINT must be the http\(s\) URL/);
    expect(messageOf({ ...VALID, ...S3, S3_FORCE_PATH_STYLE: "yes" })).toMatch(/^Invalid environment: S3_FORCE_PATH_STYLE must be true or false/);
    expect(messageOf({ ...VALID, MEDIA_DIR: "" })).toBe("Invalid environment: MEDIA_DIR must be a folder path");
  });
});

describe("logLevel", () => {
  it("is LOG_LEVEL when set, else silent under tests and info otherwise", () => {
    expect(logLevel({ NODE_ENV: "test", LOG_LEVEL: "debug" })).toBe("debug");
    expect(logLevel({ NODE_ENV: "test" })).toBe("silent");
    expect(logLevel({ NODE_ENV: "production" })).toBe("info");
    expect(logLevel({})).toBe("info");
  });

  it("reads an invalid LOG_LEVEL as the default, so the line that refuses it by name is logged", () => {
    expect(logLevel({ LOG_LEVEL: "verbose" })).toBe("info");
    expect(messageOf({ ...VALID, LOG_LEVEL: "verbose" })).toBe("Invalid environment: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent");
    expect(parseEnv({ ...VALID, LOG_LEVEL: "warn" }).LOG_LEVEL).toBe("warn");
  });
});
