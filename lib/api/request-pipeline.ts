// The one request pipeline of the public APIs, REST v1 (lib/api/api-route.ts) and the
// Twilio-compatible API (lib/twilio-api/twilio-route.ts), in the order every request goes through:
// a request id; the query string's encoding; authenticate (each API its own way); a token from the
// key's rate-limit bucket (one per key, whichever API it calls); the scope; the path parameters;
// the body, by the route's reader (size, type, syntax); Idempotency-Key where the API honours it;
// the handler; the answer as JSON with the rate-limit headers and X-Request-Id. Errors are thrown
// as ApiError (or DomainError, zod, an API's own) and leave in the API's shape, its `refusal`;
// anything it cannot explain is its 500, which names only the request id.
// Every line logged while serving a request, down to the domain code, carries that id (lib/log/logger.ts).
import { ApiError } from "@/lib/api/api-error";
import { requireScope, type ApiContext } from "@/lib/api/authenticate";
import { claimIdempotencyKey, idempotencyKeyOf, releaseIdempotencyKey, requestHash, storeIdempotentResponse } from "@/lib/api/idempotency";
import { refuseUnstorableText } from "@/lib/api/parse-input";
import { rateLimitHeaders, takeRequestToken } from "@/lib/rate-limit/rate-limit";
import type { BodyReader } from "@/lib/api/request-body";
import { newRequestId } from "@/lib/api/request-id";
import { replacedQueryParam } from "@/lib/api/url-encoding";
import type { ApiScope } from "@/lib/api-keys/scopes";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { logger, withRequestId } from "@/lib/log/logger";

/** A status and body to answer with; `body: null` is an empty answer (204). */
export interface ApiResult {
  status: number;
  body: unknown;
  /** A file streamed as the answer instead of a JSON body (an export), never buffered here. */
  file?: { stream: ReadableStream<Uint8Array>; contentType: string; fileName: string };
}

/** What makes one public API differ from the other: how it knows the caller, and how it words an error. */
export interface ApiDialect<C extends ApiContext, P> {
  /** The log's name for it. */
  name: string;
  authenticate(request: Request, params: P): Promise<C>;
  /** Its answer to an error it can explain; null for any other (a 500). */
  refusal(error: unknown): ApiResult | null;
  /** Its 500, quoting the request id. */
  internal(requestId: string): ApiResult;
  /** Whether a POST's Idempotency-Key is honoured. */
  idempotency: boolean;
}

export interface PipelineRequest<C, P, B> {
  request: Request;
  url: URL;
  ctx: C;
  params: P;
  /** The body as the route's reader gives it, read once here. */
  body: B;
}

export type RouteHandler<P> = (request: Request, route?: { params: Promise<P> }) => Promise<Response>;

function respond({ status, body, file }: ApiResult, headers: Record<string, string>) {
  if (file) {
    const disposition = `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`;
    return new Response(file.stream, { status, headers: { "Content-Type": file.contentType, "Content-Disposition": disposition, "Cache-Control": "no-store", ...headers } });
  }
  return body === null ? new Response(null, { status, headers }) : Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

/** Every key's token bucket, shared by REST v1 and the Twilio-compatible API. */
function apiKeyRateLimit() {
  const rate = env.API_RATE_LIMIT;
  return { rate, burst: env.API_RATE_LIMIT_BURST ?? Math.max(1, Math.round(rate * 2)) };
}

function refuseMalformedQuery(url: URL) {
  const name = replacedQueryParam(url);
  if (name !== null) {
    const param = name.replaceAll("\ufffd", "?");
    throw new ApiError("malformed_url", `${param || "A query parameter"}: percent-encoding that is not UTF-8 (such as %ff), or U+FFFD, which such an escape decodes to`, param || null);
  }
}

export function pipelineRoute<C extends ApiContext, P, B>(
  dialect: ApiDialect<C, P>,
  scope: ApiScope,
  handle: (req: PipelineRequest<C, P, B>) => Promise<ApiResult>,
  readBody: BodyReader<B>,
): RouteHandler<P> {
  const log = logger.child({ component: dialect.name });
  const serve = async (requestId: string, request: Request, route?: { params: Promise<P> }): Promise<Response> => {
    const headers: Record<string, string> = { "X-Request-Id": requestId };
    let claimed: { ctx: C; key: string } | null = null;
    try {
      const url = new URL(request.url);
      refuseMalformedQuery(url);
      const params = route ? await route.params : ({} as P);
      const ctx = await dialect.authenticate(request, params);
      const limit = await takeRequestToken(db, `api-key:${ctx.apiKeyId}`, apiKeyRateLimit());
      Object.assign(headers, rateLimitHeaders(limit));
      if (!limit.allowed) throw new ApiError("rate_limited", `Too many requests for this API key: retry in ${limit.retryAfterSeconds} s`);
      requireScope(ctx, scope);
      refuseUnstorableText(params); // a path segment may carry %00, which reaches lookups by id

      const { body, digest } = await readBody(request);
      const key = dialect.idempotency && request.method === "POST" ? idempotencyKeyOf(request) : null;
      if (key) {
        const claim = await claimIdempotencyKey(ctx, key, requestHash(request.method, url.pathname, digest));
        if (claim.kind === "replay") return respond(claim, { ...headers, "Idempotent-Replayed": "true" });
        claimed = { ctx, key };
      }

      const result = await handle({ request, url, ctx, params, body });
      if (claimed) await storeIdempotentResponse(claimed.ctx, claimed.key, result.status, result.body);
      return respond(result, headers);
    } catch (error) {
      const refusal = dialect.refusal(error);
      if (!refusal) {
        log.error({ err: error }, `${request.method} ${new URL(request.url).pathname} failed`);
        if (claimed) await releaseIdempotencyKey(claimed.ctx, claimed.key).catch(() => {});
        return respond(dialect.internal(requestId), headers);
      }
      // The same request with the same key gets the same refusal, as it would get the same success.
      if (claimed) await storeIdempotentResponse(claimed.ctx, claimed.key, refusal.status, refusal.body).catch(() => {});
      return respond(refusal, headers);
    }
  };
  return (request, route) => {
    const requestId = newRequestId();
    return withRequestId(requestId, () => serve(requestId, request, route));
  };
}
