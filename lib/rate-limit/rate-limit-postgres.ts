// Token buckets in PostgreSQL: one atomic upsert per request refills the bucket for the time since
// its last use and takes a token only if a whole one is there (the WHERE of the DO UPDATE), so
// concurrent requests of one key on several servers share one limit without a read-modify-write.
import type { RateLimit } from "@/lib/rate-limit/rate-limit";
import type { SqlClient } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";

// All of a key's requests update the key's one row, which stays locked until the commit: a
// synchronous commit held it through the WAL flush, so a key's concurrent requests queued behind
// each other's flushes. A statement that is its own transaction commits without waiting for the
// disk (set for this transaction only); a crash may then forget the last fraction of a second of
// taken tokens, which only makes the limit briefly more generous.
const ASYNC_COMMIT = Prisma.sql`FROM (SELECT set_config('synchronous_commit', 'off', true)) AS async_commit`;

/**
 * The tokens left after taking one, or null when the bucket had no whole token (nothing taken).
 * `bucket`: the SQL of the bucket's key (a parameter, or an expression of several, see rate-limit.ts).
 * `ownTransaction`: `db` is not inside a transaction of the caller's, so this statement commits alone.
 */
export async function takeTokenPostgres(db: SqlClient, bucket: Prisma.Sql, { rate, burst }: RateLimit, ownTransaction = false): Promise<number | null> {
  const rows = await db.$queryRaw<{ tokens: number }[]>`
    INSERT INTO "RateLimitBucket" AS b (key, tokens, "updatedAt")
    SELECT ${bucket}, ${burst - 1}::float8, clock_timestamp() ${ownTransaction ? ASYNC_COMMIT : Prisma.empty}
    ON CONFLICT (key) DO UPDATE SET
      tokens = LEAST(${burst}::float8, b.tokens + ${rate}::float8 * EXTRACT(EPOCH FROM clock_timestamp() - b."updatedAt")) - 1,
      "updatedAt" = clock_timestamp()
    WHERE LEAST(${burst}::float8, b.tokens + ${rate}::float8 * EXTRACT(EPOCH FROM clock_timestamp() - b."updatedAt")) >= 1
    RETURNING tokens`;
  return rows[0]?.tokens ?? null;
}
