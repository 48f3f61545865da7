// Token buckets in PostgreSQL: one atomic upsert per request refills the bucket for the time since
// its last use and takes a token only if a whole one is there (the WHERE of the DO UPDATE), so
// concurrent requests of one key on several servers share one limit without a read-modify-write.
import type { Db } from "@/lib/db/client";

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

export async function takeToken(db: Pick<Db, "$queryRaw">, bucket: string, { rate, burst }: RateLimit): Promise<RateLimitResult> {
  const rows = await db.$queryRaw<{ tokens: number }[]>`
    INSERT INTO "RateLimitBucket" AS b (key, tokens, "updatedAt")
    VALUES (${bucket}, ${burst - 1}::float8, clock_timestamp())
    ON CONFLICT (key) DO UPDATE SET
      tokens = LEAST(${burst}::float8, b.tokens + ${rate}::float8 * EXTRACT(EPOCH FROM clock_timestamp() - b."updatedAt")) - 1,
      "updatedAt" = clock_timestamp()
    WHERE LEAST(${burst}::float8, b.tokens + ${rate}::float8 * EXTRACT(EPOCH FROM clock_timestamp() - b."updatedAt")) >= 1
    RETURNING tokens`;
  const tokens = rows[0]?.tokens;
  if (tokens === undefined) {
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
