// Finds the key a request presents. The lookup is by the token's hash (unique index), across orgs:
// the key is what says which org a request acts for. lastUsedAt is written at most once a minute
// per key, so a busy key does not turn every request into a write.
import { hashApiKey, looksLikeApiKey } from "@/lib/api-keys/api-key-token";
import type { Db } from "@/lib/db/client";
import { systemSql } from "@/lib/db/sql";
import type { ApiKey } from "@/lib/generated/prisma/client";

export type ApiKeyRefusal = "missing" | "invalid" | "expired" | "revoked";

export type VerifiedApiKey =
  | { ok: true; key: ApiKey; org: { id: string; name: string; accountSid: string } }
  | { ok: false; reason: ApiKeyRefusal };

const LAST_USED_EVERY_MS = 60_000;

export async function verifyApiKey(db: Db, token: string | null | undefined, now = new Date()): Promise<VerifiedApiKey> {
  if (!token) return { ok: false, reason: "missing" };
  if (!looksLikeApiKey(token)) return { ok: false, reason: "invalid" };
  // Every API request starts here, so it is one statement on the pool (lib/db/sql.ts); across orgs, as
  // finding the org is what it is for.
  const [found] = await systemSql(db).$queryRaw<(ApiKey & { org: { id: string; name: string; accountSid: string } })[]>`
    SELECT k.*, json_build_object('id', o.id, 'name', o.name, 'accountSid', o."accountSid") AS org
    FROM "ApiKey" k JOIN "Organization" o ON o.id = k."orgId" WHERE k."keyHash" = ${hashApiKey(token)}`;
  if (!found) return { ok: false, reason: "invalid" };
  if (found.revokedAt) return { ok: false, reason: "revoked" };
  if (found.expiresAt && found.expiresAt <= now) return { ok: false, reason: "expired" };

  const { org, ...key } = found;
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= LAST_USED_EVERY_MS) {
    // Conditional, so concurrent requests of one key write it once.
    const stale = new Date(now.getTime() - LAST_USED_EVERY_MS);
    await db.apiKey.updateMany({ where: { id: key.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: stale } }] }, data: { lastUsedAt: now } });
  }
  return { ok: true, key, org };
}
