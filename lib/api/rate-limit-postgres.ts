// Token buckets in PostgreSQL: one atomic upsert per request refills the bucket for the time since
// its last use and takes a token only if a whole one is there (the WHERE of the DO UPDATE), so
// concurrent requests of one key on several servers share one limit without a read-modify-write.
import type { RateLimit } from "@/lib/api/rate-limit";
import type { SqlClient } from "@/lib/db/sql";

/** The tokens left after taking one, or null when the bucket had no whole token (nothing taken). */
export async function takeTokenPostgres(db: SqlClient, bucket: string, { rate, burst }: RateLimit): Promise<number | null> {
  const rows = await db.$queryRaw<{ tokens: number }[]>`
    INSERT INTO "RateLimitBucket" AS b (key, tokens, "updatedAt")
    VALUES (${bucket}, ${burst - 1}::float8, clock_timestamp())
    ON CONFLICT (key) DO UPDATE SET
      tokens = LEAST(${burst}::float8, b.tokens + ${rate}::float8 * EXTRACT(EPOCH FROM clock_timestamp() - b."updatedAt")) - 1,
      "updatedAt" = clock_timestamp()
    WHERE LEAST(${burst}::float8, b.tokens + ${rate}::float8 * EXTRACT(EPOCH FROM clock_timestamp() - b."updatedAt")) >= 1
    RETURNING tokens`;
  return rows[0]?.tokens ?? null;
}
