// Who a public API request acts as: `Authorization: Bearer tsk_live_...` -> an ApiContext, the
// OrgContext every domain function takes (acting as the key, for the audit log) plus its scopes.
import { ApiError } from "@/lib/api/api-error";
import type { ApiScope } from "@/lib/api-keys/scopes";
import { verifyApiKey, type ApiKeyRefusal } from "@/lib/api-keys/verify-api-key";
import type { Db } from "@/lib/db/client";
import { scopedDb } from "@/lib/db/scoped";
import type { ApiKey } from "@/lib/generated/prisma/client";
import type { OrgContext } from "@/lib/org-context";

export interface ApiContext extends OrgContext {
  apiKeyId: string;
  scopes: ReadonlySet<string>;
}

const REFUSALS: Record<ApiKeyRefusal, ApiError> = {
  missing: new ApiError("missing_api_key", "No API key: send it as `Authorization: Bearer tsk_live_...`"),
  invalid: new ApiError("invalid_api_key", "The API key is not valid"),
  expired: new ApiError("expired_api_key", "The API key has expired; create a new one on the Developers page"),
  revoked: new ApiError("revoked_api_key", "The API key has been revoked"),
};

/** The bearer token of the request; null when there is none (another scheme counts as none). */
function bearerToken(request: Request): string | null {
  const header = request.headers.get("authorization")?.trim();
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match ? match[1]! : null;
}

export async function authenticate(db: Db, request: Request): Promise<ApiContext> {
  const verified = await verifyApiKey(db, bearerToken(request));
  if (!verified.ok) throw REFUSALS[verified.reason];
  return apiContextFor(db, verified.key);
}

/** The context of a verified key (the Twilio-compatible API verifies keys from HTTP Basic). */
export function apiContextFor(db: Db, key: ApiKey): ApiContext {
  return {
    db: scopedDb(db, key.orgId),
    orgId: key.orgId,
    actor: { type: "API_KEY", id: key.id, label: key.name },
    role: null,
    apiKeyId: key.id,
    scopes: new Set(key.scopes),
  };
}

/** `param`: the parameter that needs the scope, when it is one (marketing: false), not the route. */
export function requireScope(ctx: ApiContext, scope: ApiScope, param: string | null = null): void {
  if (!ctx.scopes.has(scope)) {
    const why = param ? ` needed for ${param}` : "";
    throw new ApiError("insufficient_scope", `This API key lacks the ${scope} scope${why}`, param);
  }
}
