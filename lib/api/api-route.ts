// A REST v1 route handler: the public API's request pipeline (lib/api/request-pipeline.ts) with
// REST's dialect: `Authorization: Bearer` keys, errors as `{ "error": { code, message, param,
// doc_url } }`, Idempotency-Key on POSTs. A route.ts then parses, calls lib/, and serialises:
//
//   export const POST = apiRoute("messages:send", async ({ ctx, body }) => ({ status: 201, body: ... }));
//
// The body is JSON (parsed, up to BODY_LIMITS.json) unless the route gives its own reader, as the
// batch route (a larger limit) and the upload route (multipart: lib/api/media/upload-body.ts) do.
import { ApiError, apiErrorBody } from "@/lib/api/api-error";
import { authenticate, type ApiContext } from "@/lib/api/authenticate";
import { jsonBodyReader, type BodyReader } from "@/lib/api/request-body";
import { pipelineRoute, type ApiDialect, type ApiResult, type PipelineRequest, type RouteHandler } from "@/lib/api/request-pipeline";
import { toApiError } from "@/lib/api/to-api-error";
import type { ApiScope } from "@/lib/api-keys/scopes";
import { db } from "@/lib/db";

export type { ApiResult };
export type ApiRequest<P, B = unknown> = PipelineRequest<ApiContext, P, B>;

const REST: ApiDialect<ApiContext, unknown> = {
  name: "api",
  authenticate: (request) => authenticate(db, request),
  refusal(error) {
    const apiError = toApiError(error);
    return apiError && { status: apiError.status, body: apiErrorBody(apiError) };
  },
  internal: (requestId) => ({
    status: 500,
    body: apiErrorBody(new ApiError("internal_error", `Something went wrong on our side; quote ${requestId} when reporting it`), requestId),
  }),
  idempotency: true,
};

const readJson = jsonBodyReader();

export function apiRoute<P = Record<string, never>>(scope: ApiScope, handle: (req: ApiRequest<P>) => Promise<ApiResult>): RouteHandler<P>;
export function apiRoute<P, B>(scope: ApiScope, handle: (req: ApiRequest<P, B>) => Promise<ApiResult>, readBody: BodyReader<B>): RouteHandler<P>;
export function apiRoute<P, B>(scope: ApiScope, handle: (req: ApiRequest<P, B>) => Promise<ApiResult>, readBody = readJson as BodyReader<B>): RouteHandler<P> {
  return pipelineRoute(REST as ApiDialect<ApiContext, P>, scope, handle, readBody);
}
