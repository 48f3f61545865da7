// Rate limits with REDIS_URL set: the token buckets in a real redis-server of this file's own (a
// free loopback port, no persistence, killed after), through the same takeToken and apiRoute the
// app uses, and the fall-back to PostgreSQL's buckets when that Redis goes away.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { freePort } from "../../../scripts/run";
import { apiRequest, call, createTestApiKey, setupApiDatabase } from "../helpers/api";
import { captureLogs } from "../helpers/logs";

const REDIS_SERVER = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"].find((p) => existsSync(p)) ?? "redis-server";

/** A redis-server on `port`, once it accepts connections. */
function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(REDIS_SERVER, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "pipe" });
  let output = "";
  return new Promise((resolve, reject) => {
    const fail = (why: string) => reject(new Error(`redis-server did not start (${why}): ${output}. npm test and .ci/run install it; else \`apt-get install redis-server\``));
    child.on("error", (error) => fail(error.message));
    child.on("exit", (code) => fail(`exited with ${code}`));
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Ready to accept connections")) resolve(child);
    });
    setTimeout(() => fail("not ready within 10 s"), 10_000).unref();
  });
}

function stopRedis(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill(signal);
  });
}

const port = await freePort();
let server = await startRedis(port);
afterAll(() => stopRedis(server)); // the last hook to run (they run in reverse)
const redisUrl = `redis://127.0.0.1:${port}`;
// Before anything reads lib/env.ts, which keeps the first values it sees. A small API limit so
// a route runs out: 3 requests at once, one more every 2 s.
process.env.REDIS_URL = redisUrl;
process.env.API_RATE_LIMIT = "0.5";
process.env.API_RATE_LIMIT_BURST = "3";

const { db, sql } = await setupApiDatabase();
const { apiRoute } = await import("@/lib/api/api-route");
const { takeToken } = await import("@/lib/rate-limit/rate-limit");
const { closeRedisClient } = await import("@/lib/rate-limit/redis-client");
const { TAKE_TOKEN_SCRIPT, redisBucketKey } = await import("@/lib/rate-limit/rate-limit-redis");
const { createOrgWithOwner } = await import("../helpers/factories");

// Looks at Redis from outside, as an operator would.
const inspect = createClient({ url: redisUrl }).on("error", () => {}); // it sees Redis killed too
await inspect.connect();

const GET = apiRoute("messages:read", async () => ({ status: 200, body: { ok: true } }));
let token: string;
let keyId: string;

beforeAll(async () => {
  const { org } = await createOrgWithOwner(db);
  ({ token, key: { id: keyId } } = await createTestApiKey(db, org.id, ["messages:read"]));
});

afterAll(async () => {
  await closeRedisClient();
  inspect.destroy();
});

const pgBuckets = (key: string) => sql<{ tokens: number }>(`SELECT tokens FROM "RateLimitBucket" WHERE key = $1`, [key]);
const bucketName = (label: string) => `${label}:${Date.now()}:${Math.random().toString(36).slice(2)}`;
const slow = { rate: 0.001, burst: 3 };

describe("token buckets in Redis", () => {
  it("lets a key's burst through a route, then answers 429 with Retry-After, counting in Redis only", async () => {
    const responses = [];
    for (let i = 0; i < 4; i++) responses.push(await call(GET(apiRequest("/api/v1/echo", { token }))));
    expect(responses.map((r) => [r.status, r.headers.get("ratelimit-remaining")])).toEqual([[200, "2"], [200, "1"], [200, "0"], [429, "0"]]);
    const refused = responses[3]!;
    expect(refused.body.error.code).toBe("rate_limited");
    expect(refused.headers.get("retry-after")).toBe("2"); // one token every 2 s
    expect(refused.headers.get("ratelimit-limit")).toBe("3");
    expect(refused.headers.get("ratelimit-reset")).toBe("6");

    const key = redisBucketKey(`api-key:${keyId}`);
    expect(Number(await inspect.hGet(key, "tokens"))).toBeLessThan(1);
    // It expires when it would be full again (under 6 s from now): a missing key is a full bucket.
    const ttl = await inspect.pTTL(key);
    expect(ttl).toBeGreaterThan(5_000);
    expect(ttl).toBeLessThanOrEqual(6_000);
    expect(await pgBuckets(`api-key:${keyId}`)).toEqual([]);
  });

  it("refills by the time elapsed on Redis's clock, up to the burst", async () => {
    const bucket = bucketName("refill");
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await takeToken(db, bucket, slow));
    expect(results.map((r) => [r.allowed, r.remaining])).toEqual([[true, 2], [true, 1], [true, 0], [false, 0]]);
    expect(results[3]).toMatchObject({ retryAfterSeconds: 1000, resetSeconds: 3000 });
    // A refusal writes nothing: the refill still counts from the last token taken.
    const key = redisBucketKey(bucket);
    const before = await inspect.hGetAll(key);
    await takeToken(db, bucket, slow);
    expect(await inspect.hGetAll(key)).toEqual(before);
    // An hour's refill at 0.001/s is 3.6 tokens: the bucket is full again, capped at the burst.
    await inspect.hSet(key, "at", String(Number(before.at) - 3600));
    expect(await takeToken(db, bucket, slow)).toMatchObject({ allowed: true, remaining: 2 });
  });

  it("refills in real time, one token per 1/rate seconds", async () => {
    const bucket = bucketName("clock");
    const limit = { rate: 2, burst: 1 };
    expect((await takeToken(db, bucket, limit)).allowed).toBe(true);
    expect(await takeToken(db, bucket, limit)).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await takeToken(db, bucket, limit)).toMatchObject({ allowed: true, remaining: 0 });
  });

  it("never lets concurrent requests take more than the burst: 200 at once on 50", async () => {
    const bucket = bucketName("race");
    const results = await Promise.all(Array.from({ length: 200 }, () => takeToken(db, bucket, { rate: 0.001, burst: 50 })));
    const allowed = results.filter((r) => r.allowed);
    expect(allowed).toHaveLength(50);
    // Each token was handed out once: the remainders are 49 down to 0, each seen once.
    expect(allowed.map((r) => r.remaining).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(results.filter((r) => !r.allowed).every((r) => r.retryAfterSeconds === 1000)).toBe(true);
  });

  it("keeps two keys' buckets apart", async () => {
    const [a, b] = [bucketName("a"), bucketName("b")];
    for (let i = 0; i < 3; i++) await takeToken(db, a, slow);
    expect((await takeToken(db, a, slow)).allowed).toBe(false);
    expect(await takeToken(db, b, slow)).toMatchObject({ allowed: true, remaining: 2 });
    expect(await inspect.exists([redisBucketKey(a), redisBucketKey(b)])).toBe(2);
  });

  it("runs the script by EVALSHA, and by EVAL when Redis has lost it (NOSCRIPT)", async () => {
    const sha = createHash("sha1").update(TAKE_TOKEN_SCRIPT).digest("hex");
    await takeToken(db, bucketName("cached"), slow);
    expect(await inspect.scriptExists(sha)).toEqual([1]);
    await inspect.scriptFlush();
    expect(await takeToken(db, bucketName("flushed"), slow)).toMatchObject({ allowed: true, remaining: 2 });
    expect(await inspect.scriptExists(sha)).toEqual([1]);
  });
});

describe("when Redis is unreachable", () => {
  it("falls back to PostgreSQL's buckets, which still limit, warns once, and returns to Redis when it is back", async () => {
    const logs = captureLogs();
    await stopRedis(server, "SIGKILL");
    const bucket = bucketName("down");
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await takeToken(db, bucket, slow));
    expect(results.map((r) => [r.allowed, r.remaining])).toEqual([[true, 2], [true, 1], [true, 0], [false, 0]]);
    expect(results[3]!.retryAfterSeconds).toBe(1000);
    expect((await pgBuckets(bucket))[0]!.tokens).toBeLessThan(1);
    // A route answers as usual (never 500): from the key's PostgreSQL bucket, which starts full.
    const res = await call(GET(apiRequest("/api/v1/echo", { token })));
    expect([res.status, res.headers.get("ratelimit-remaining")]).toEqual([200, "2"]);
    // Once, whatever else warns meanwhile on a loaded machine (the warnings of other modules are theirs).
    const rateLimitWarnings = () => logs.filter((line) => line.component === "rate-limit");
    expect(rateLimitWarnings()).toHaveLength(1);
    expect(rateLimitWarnings()[0]).toMatchObject({ level: "warn", msg: expect.stringMatching(/^Redis unavailable, using PostgreSQL buckets/) });

    // The client keeps reconnecting: once Redis is back, buckets are taken there again.
    server = await startRedis(port);
    const back = bucketName("back");
    const deadline = Date.now() + 10_000;
    while (!(await inspect.exists(redisBucketKey(back)).catch(() => 0)) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      await takeToken(db, back, { rate: 1, burst: 1000 });
    }
    expect(await inspect.exists(redisBucketKey(back))).toBe(1);
    expect(rateLimitWarnings()).toHaveLength(1);
  });

  it("does not hold the first request past a second when Redis never answered, and still limits", async () => {
    const closed = await freePort();
    const logs = captureLogs(); // before the fresh import, whose logger then logs too
    vi.resetModules();
    process.env.REDIS_URL = `redis://127.0.0.1:${closed}`;
    const fresh = await import("@/lib/rate-limit/rate-limit");
    const freshClient = await import("@/lib/rate-limit/redis-client");
    try {
      const bucket = bucketName("never");
      const started = Date.now();
      expect(await fresh.takeToken(db, bucket, { rate: 0.001, burst: 1 })).toMatchObject({ allowed: true, remaining: 0 });
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(await fresh.takeToken(db, bucket, { rate: 0.001, burst: 1 })).toMatchObject({ allowed: false });
      expect(await pgBuckets(bucket)).toHaveLength(1);
      expect(logs.find((line) => line.component === "rate-limit")?.msg).toContain("ECONNREFUSED");
    } finally {
      await freshClient.closeRedisClient();
      process.env.REDIS_URL = redisUrl;
    }
  });
});
