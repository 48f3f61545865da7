// Revokes an API key. verifyApiKey reads the key on every request, so the next request with it
// is refused: there is no cache to wait for.
import { recordAudit } from "@/lib/audit/record-audit";
import { apiKeyIdInput, type ApiKeyIdInput } from "@/lib/api-keys/api-key-input";
import { apiKeyView, type ApiKeyView } from "@/lib/api-keys/list-api-keys";
import { DomainError, notFound } from "@/lib/errors";
import type { OrgContext } from "@/lib/org-context";

export async function revokeApiKey(ctx: OrgContext, raw: ApiKeyIdInput): Promise<ApiKeyView> {
  const { id } = apiKeyIdInput.parse(raw);
  return ctx.db.$transaction(async (tx) => {
    const key = await tx.apiKey.findUnique({ where: { id } });
    if (!key) throw notFound("API key", "id");
    if (key.revokedAt) throw new DomainError("CONFLICT", `The key ${key.name} is already revoked`, "id");
    const revoked = await tx.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
    await recordAudit(ctx, tx, { action: "api_key.revoked", targetType: "api_key", targetId: id, changes: { name: key.name, preview: key.preview } });
    return apiKeyView(revoked);
  });
}
