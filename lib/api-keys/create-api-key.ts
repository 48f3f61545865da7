// Creates an API key: the token is returned here once and never again (only its hash is kept).
import { recordAudit } from "@/lib/audit/record-audit";
import { createApiKeyInput, type CreateApiKeyInput } from "@/lib/api-keys/api-key-input";
import { newApiKeyToken } from "@/lib/api-keys/api-key-token";
import { apiKeyView, type ApiKeyView } from "@/lib/api-keys/list-api-keys";
import { newId } from "@/lib/ids";
import type { OrgContext } from "@/lib/org-context";

export async function createApiKey(ctx: OrgContext, raw: CreateApiKeyInput): Promise<{ key: ApiKeyView; token: string }> {
  const input = createApiKeyInput.parse(raw);
  const { token, keyHash, preview } = newApiKeyToken();
  return ctx.db.$transaction(async (tx) => {
    const key = await tx.apiKey.create({
      data: {
        id: newId("apiKey"),
        orgId: ctx.orgId,
        name: input.name,
        keyHash,
        preview,
        scopes: input.scopes,
        expiresAt: input.expiresAt ?? null,
        createdById: ctx.actor.type === "USER" ? ctx.actor.id : null,
      },
    });
    await recordAudit(ctx, tx, {
      action: "api_key.created",
      targetType: "api_key",
      targetId: key.id,
      changes: { name: input.name, scopes: input.scopes, preview, expiresAt: input.expiresAt?.toISOString() ?? null },
    });
    return { key: apiKeyView(key), token };
  });
}
