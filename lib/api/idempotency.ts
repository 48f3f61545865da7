// `Idempotency-Key` on POSTs: the first request with a key claims it (an insert that only one
// request can win), runs, and stores its response; a repeat with the same method, path and body
// gets that response back; with another request the key is refused (422); while the first is
// still running, a repeat is told so (409). Keys are kept 24 hours (purged daily).
import { createHash } from "node:crypto";
import { ApiError } from "@/lib/api/api-error";
import type { Db } from "@/lib/db/client";
import { orgSql } from "@/lib/db/sql";
import type { OrgContext } from "@/lib/org-context";

const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
// A claim with no response after this long belongs to a request that died (a crash, a deploy):
// a repeat may take it over rather than be refused for a day.
const ABANDONED_AFTER_MS = 5 * 60 * 1000;
const MAX_KEY_LENGTH = 255;

export type IdempotencyClaim = { kind: "claimed" } | { kind: "replay"; status: number; body: unknown };

export const requestHash = (method: string, path: string, body: string) =>
  createHash("sha256").update(`${method}\n${path}\n${body}`).digest("hex");

export function idempotencyKeyOf(request: Request): string | null {
  const key = request.headers.get("idempotency-key");
  if (key === null) return null;
  if (key.trim() === "" || key.length > MAX_KEY_LENGTH) {
    throw new ApiError("invalid_parameter", `Idempotency-Key must be 1 to ${MAX_KEY_LENGTH} characters`, "Idempotency-Key");
  }
  return key;
}

export async function claimIdempotencyKey(ctx: OrgContext, key: string, hash: string, now = new Date()): Promise<IdempotencyClaim> {
  const expiresAt = new Date(now.getTime() + IDEMPOTENCY_TTL_MS);
  const abandoned = new Date(now.getTime() - ABANDONED_AFTER_MS);
  // Insert, or take over a row that has expired or was abandoned; otherwise the row stays as it is.
  // Times as UTC text: the columns are `timestamp` without a zone, as Prisma writes them.
  const [at, expires, stale] = [now, expiresAt, abandoned].map((d) => d.toISOString());
  const claimed = await orgSql(ctx).$executeRaw`
    INSERT INTO "ApiIdempotency" ("orgId", key, "requestHash", "createdAt", "expiresAt")
    VALUES (${ctx.orgId}, ${key}, ${hash}, ${at}::timestamptz AT TIME ZONE 'UTC', ${expires}::timestamptz AT TIME ZONE 'UTC')
    ON CONFLICT ("orgId", key) DO UPDATE SET
      "requestHash" = EXCLUDED."requestHash", "responseStatus" = NULL, "responseBody" = NULL,
      "createdAt" = EXCLUDED."createdAt", "expiresAt" = EXCLUDED."expiresAt"
    WHERE "ApiIdempotency"."expiresAt" <= ${at}::timestamptz AT TIME ZONE 'UTC'
       OR ("ApiIdempotency"."responseStatus" IS NULL AND "ApiIdempotency"."createdAt" <= ${stale}::timestamptz AT TIME ZONE 'UTC')`;
  if (claimed === 1) return { kind: "claimed" };

  const [row] = await orgSql(ctx).$queryRaw<{ requestHash: string; responseStatus: number | null; responseBody: unknown }[]>`
    SELECT "requestHash", "responseStatus", "responseBody" FROM "ApiIdempotency" WHERE "orgId" = ${ctx.orgId} AND key = ${key}`;
  if (!row) return claimIdempotencyKey(ctx, key, hash, now); // purged in between
  if (row.requestHash !== hash) {
    throw new ApiError("idempotency_key_reused", "This Idempotency-Key was used with a different request; use a new key for a new request", "Idempotency-Key");
  }
  if (row.responseStatus === null) {
    throw new ApiError("idempotency_key_in_use", "A request with this Idempotency-Key is still being processed; retry shortly", "Idempotency-Key");
  }
  return { kind: "replay", status: row.responseStatus, body: row.responseBody };
}

/** Stores the response for repeats. */
export async function storeIdempotentResponse(ctx: OrgContext, key: string, status: number, body: unknown) {
  await orgSql(ctx).$executeRaw`
    UPDATE "ApiIdempotency" SET "responseStatus" = ${status}, "responseBody" = ${JSON.stringify(body)}::jsonb WHERE "orgId" = ${ctx.orgId} AND key = ${key}`;
}

/** Lets the key be used again: the request failed on our side, so a retry should run anew. */
export async function releaseIdempotencyKey(ctx: OrgContext, key: string) {
  await ctx.db.apiIdempotency.deleteMany({ where: { key, responseStatus: null } });
}

export async function purgeExpiredIdempotencyKeys(db: Db, now = new Date()) {
  const { count } = await db.apiIdempotency.deleteMany({ where: { expiresAt: { lte: now } } });
  return { deleted: count };
}
