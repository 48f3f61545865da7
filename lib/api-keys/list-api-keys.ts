// The org's API keys as the Developers page lists them: never the hash, only the preview.
import type { ApiKey } from "@/lib/generated/prisma/client";
import type { OrgContext } from "@/lib/org-context";

export function apiKeyView(key: ApiKey) {
  return {
    id: key.id,
    name: key.name,
    preview: key.preview,
    scopes: key.scopes,
    expiresAt: key.expiresAt,
    revokedAt: key.revokedAt,
    lastUsedAt: key.lastUsedAt,
    createdAt: key.createdAt,
  };
}
export type ApiKeyView = ReturnType<typeof apiKeyView>;

/** Active keys first (newest first), then revoked ones. */
export async function listApiKeys(ctx: OrgContext): Promise<ApiKeyView[]> {
  const keys = await ctx.db.apiKey.findMany({ orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { id: "desc" }] });
  return keys.map(apiKeyView);
}
