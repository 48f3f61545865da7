// A public API route handler, in the order every request goes through: authenticate the key, take
// a rate-limit token, check the scope, honour Idempotency-Key on POSTs, run the handler, and answer
// in JSON with the rate-limit headers and a request id. Each step lives in its own module; this
// only puts them in order. A route.ts then parses, calls lib/, and serialises:
//
//   export const POST = apiRoute("messages:send", async ({ ctx, body }) => ({ status: 201, body: ... }));
//
// The body is read as text (JSON) unless the route gives its own reader, as the upload route does
// (lib/api/media/upload-body.ts): a reader answers the body and the digest Idempotency-Key compares.
import { randomUUID } from "node:crypto";
import { ApiError, apiErrorBody } from "@/lib/api/api-error";
import { authenticate, requireScope, type ApiContext } from "@/lib/api/authenticate";
import { claimIdempotencyKey, idempotencyKeyOf, releaseIdempotencyKey, requestHash, storeIdempotentResponse } from "@/lib/api/idempotency";
import { refuseUnstorableText } from "@/lib/api/parse-input";
import { rateLimitHeaders, takeRequestToken } from "@/lib/api/rate-limit";
import { toApiError } from "@/lib/api/to-api-error";
import type { ApiScope } from "@/lib/api-keys/scopes";
import { db } from "@/lib/db";
import { sql } from "@/lib/db/sql";
import { env } from "@/lib/env";

export interface ApiRequest<P, B = string> {
  request: Request;
  url: URL;
  ctx: ApiContext;
  params: P;
  /** The body as the route's reader gives it: by default the raw text ("" for a GET), read once here because idempotency hashes it. */
  body: B;
}

export interface ApiResult {
  status: number;
  body: unknown;
}

type Handler<P, B> = (req: ApiRequest<P, B>) => Promise<ApiResult>;
type RouteHandler<P> = (request: Request, route?: { params: Promise<P> }) => Promise<Response>;

/**
 * Reads a request's body once: the value the handler gets, and a digest that is the same for the
 * same request (a multipart upload's framing differs between retries; its file does not).
 */
export type BodyReader<B> = (request: Request) => Promise<{ body: B; digest: string }>;

const readText: BodyReader<string> = async (request) => {
  const text = await request.text();
  return { body: text, digest: text };
};

const json = (status: number, body: unknown, headers: Record<string, string>) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });

/** Every key's token bucket, shared by REST v1 and the Twilio-compatible API. */
export function apiKeyRateLimit() {
  const rate = env.API_RATE_LIMIT;
  return { rate, burst: env.API_RATE_LIMIT_BURST ?? Math.max(1, Math.round(rate * 2)) };
}

export function apiRoute<P = Record<string, never>>(scope: ApiScope, handle: Handler<P, string>): RouteHandler<P>;
export function apiRoute<P, B>(scope: ApiScope, handle: Handler<P, B>, readBody: BodyReader<B>): RouteHandler<P>;
export function apiRoute<P, B>(scope: ApiScope, handle: Handler<P, B>, readBody = readText as BodyReader<B>): RouteHandler<P> {
  return async (request, route) => {
    const requestId = `req_${randomUUID().replaceAll("-", "")}`;
    const headers: Record<string, string> = { "X-Request-Id": requestId };
    let claimed: { orgId: string; key: string } | null = null;
    try {
      const ctx = await authenticate(db, request);
      const limit = await takeRequestToken(sql(db), `api-key:${ctx.apiKeyId}`, apiKeyRateLimit());
      Object.assign(headers, rateLimitHeaders(limit));
      if (!limit.allowed) throw new ApiError("rate_limited", `Too many requests for this API key: retry in ${limit.retryAfterSeconds} s`);
      requireScope(ctx, scope);

      const url = new URL(request.url);
      const isPost = request.method === "POST";
      const { body, digest } = await readBody(request);
      const key = isPost ? idempotencyKeyOf(request) : null;
      if (key) {
        const claim = await claimIdempotencyKey(db, ctx.orgId, key, requestHash(request.method, url.pathname, digest));
        if (claim.kind === "replay") return json(claim.status, claim.body, { ...headers, "Idempotent-Replayed": "true" });
        claimed = { orgId: ctx.orgId, key };
      }

      const params = route ? await route.params : ({} as P);
      refuseUnstorableText(params); // a path segment may carry %00, which reaches lookups by id
      const result = await handle({ request, url, ctx, params, body });
      if (claimed) await storeIdempotentResponse(db, claimed.orgId, claimed.key, result.status, result.body);
      return json(result.status, result.body, headers);
    } catch (error) {
      const apiError = toApiError(error);
      if (!apiError) {
        console.error(`[api] ${requestId} ${request.method} ${new URL(request.url).pathname} failed:`, error);
        if (claimed) await releaseIdempotencyKey(db, claimed.orgId, claimed.key).catch(() => {});
        const internal = new ApiError("internal_error", `Something went wrong on our side; quote ${requestId} when reporting it`);
        return json(500, apiErrorBody(internal, requestId), headers);
      }
      const body = apiErrorBody(apiError);
      // The same request with the same key gets the same refusal, as it would get the same success.
      if (claimed) await storeIdempotentResponse(db, claimed.orgId, claimed.key, apiError.status, body).catch(() => {});
      return json(apiError.status, body, headers);
    }
  };
}
