// Token buckets per key: in Redis when REDIS_URL is set (lib/rate-limit/rate-limit-redis.ts), else in
// PostgreSQL (lib/rate-limit/rate-limit-postgres.ts). Both refill by elapsed time and take a token only
// if a whole one is there, atomically, so callers neither know nor care which one answered.
import { takeTokenPostgres } from "@/lib/rate-limit/rate-limit-postgres";
import { takeTokenRedis } from "@/lib/rate-limit/rate-limit-redis";
import { lastRedisError, redisClient } from "@/lib/rate-limit/redis-client";
import type { Db } from "@/lib/db/client";
import { systemSql, type SqlClient } from "@/lib/db/sql";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log/logger";

const log = logger.child({ component: "rate-limit" });

export interface RateLimit {
  /** Tokens added per second. */
  rate: number;
  /** Bucket size: the most requests allowed at once after a quiet spell. */
  burst: number;
}

export interface RateLimitResult {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the bucket is full again. */
  resetSeconds: number;
  /** Seconds until a request would be allowed (0 when this one was). */
  retryAfterSeconds: number;
}

const WARN_EVERY_MS = 60_000;
let lastWarning = -Infinity;

/**
 * A token for one request (API keys): from Redis, else by a PostgreSQL statement of its own. Buckets
 * are keyed by name, not by org (RateLimitBucket has no org), so this is system SQL (lib/db/sql.ts).
 */
export function takeRequestToken(db: Db, bucket: string, limit: RateLimit): Promise<RateLimitResult> {
  return take(() => takeTokenPostgres(systemSql(db), Prisma.sql`${bucket}`, limit, true), bucket, limit);
}

/**
 * A token taken inside the caller's transaction `tx` when in PostgreSQL (refused work takes none).
 * With `orgId` the bucket is that org's, keyed `<orgId>:<bucket>`, and the org goes to the database
 * as a parameter of its own: a transaction of the org-scoped client (ctx.db) refuses raw SQL that
 * does not bind its org (lib/db/scoped.ts).
 */
export function takeToken(tx: SqlClient, bucket: string, limit: RateLimit, orgId?: string): Promise<RateLimitResult> {
  if (orgId === undefined) return take(() => takeTokenPostgres(tx, Prisma.sql`${bucket}`, limit), bucket, limit);
  const key = Prisma.sql`${orgId}::text || ':' || ${bucket}::text`;
  return take(() => takeTokenPostgres(tx, key, limit), `${orgId}:${bucket}`, limit);
}

async function take(postgres: () => Promise<number | null>, bucket: string, limit: RateLimit): Promise<RateLimitResult> {
  if (!env.REDIS_URL) return result(limit, await postgres());
  try {
    return result(limit, await takeTokenRedis(await redisClient(), bucket, limit));
  } catch (error) {
    // Fail open to PostgreSQL: a rate limit is no reason to refuse every request (or answer 500)
    // while Redis is down, and PostgreSQL's buckets still limit. They start from their own state,
    // so a key may get up to one extra burst as the store changes.
    warnFallback(error);
    return result(limit, await postgres());
  }
}

// While Redis is down every request falls back: a line each would flood the log at the API's
// request rate (and cost CPU a busy server is short of); one a minute says it is still down.
function warnFallback(error: unknown) {
  const now = Date.now();
  if (now - lastWarning < WARN_EVERY_MS) return;
  lastWarning = now;
  const reason = lastRedisError() ?? error;
  log.warn(`Redis unavailable, using PostgreSQL buckets (warned at most once a minute): ${(reason as Error)?.message ?? reason}`);
}

/** The answer for a bucket that has `tokens` left after this request, or null if it was refused. */
function result({ rate, burst }: RateLimit, tokens: number | null): RateLimitResult {
  if (tokens === null) {
    // Refused: fewer than one token, so one arrives within 1/rate seconds and the bucket fills
    // within burst/rate; both are upper bounds, which is what a client waiting on them needs.
    return { allowed: false, limit: burst, remaining: 0, resetSeconds: Math.ceil(burst / rate), retryAfterSeconds: Math.max(1, Math.ceil(1 / rate)) };
  }
  return {
    allowed: true,
    limit: burst,
    remaining: Math.floor(tokens),
    resetSeconds: Math.ceil((burst - tokens) / rate),
    retryAfterSeconds: 0,
  };
}

export function rateLimitHeaders(result: RateLimitResult): Record<string, string> {
  return {
    "RateLimit-Limit": String(result.limit),
    "RateLimit-Remaining": String(result.remaining),
    "RateLimit-Reset": String(result.resetSeconds),
    ...(!result.allowed && { "Retry-After": String(result.retryAfterSeconds) }),
  };
}
