// A Twilio-compatible route handler, in the REST API's order (lib/api/api-route.ts): authenticate
// (HTTP Basic), take a token from the key's rate-limit bucket (the same one as REST v1), check the
// scope, run the handler; answer in Twilio's JSON (errors as `{ code, message, more_info, status }`)
// with the rate-limit headers. No Idempotency-Key: Twilio's clients do not send one.
import { randomUUID } from "node:crypto";
import { apiKeyRateLimit } from "@/lib/api/api-route";
import { requireScope } from "@/lib/api/authenticate";
import { rateLimitHeaders, takeRequestToken } from "@/lib/api/rate-limit";
import type { ApiScope } from "@/lib/api-keys/scopes";
import { db } from "@/lib/db";
import { sql } from "@/lib/db/sql";
import { authenticateBasic, type TwilioContext } from "@/lib/twilio-api/authenticate-basic";
import { TWILIO_CODES, TwilioError, toTwilioError, twilioErrorBody } from "@/lib/twilio-api/twilio-error";

export interface TwilioRequest<P> {
  request: Request;
  url: URL;
  ctx: TwilioContext;
  params: P;
  /** The form-encoded body of a POST ("" otherwise). */
  body: string;
}

/** `body: null` answers 204 No Content (DELETE). */
export type TwilioResult = { status: number; body: unknown };

const json = (status: number, body: unknown, headers: Record<string, string>) =>
  body === null ? new Response(null, { status, headers }) : Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });

export function twilioRoute<P extends { accountSid: string }>(scope: ApiScope, handle: (req: TwilioRequest<P>) => Promise<TwilioResult>) {
  return async (request: Request, route: { params: Promise<P> }): Promise<Response> => {
    const requestId = `req_${randomUUID().replaceAll("-", "")}`;
    const headers: Record<string, string> = { "X-Request-Id": requestId };
    try {
      const params = await route.params;
      const ctx = await authenticateBasic(db, request, params.accountSid);
      const limit = await takeRequestToken(sql(db), `api-key:${ctx.apiKeyId}`, apiKeyRateLimit());
      Object.assign(headers, rateLimitHeaders(limit));
      if (!limit.allowed) throw new TwilioError(TWILIO_CODES.tooManyRequests, `Too many requests for this API key: retry in ${limit.retryAfterSeconds} s`, 429);
      requireScope(ctx, scope);
      const body = request.method === "POST" ? await request.text() : "";
      const result = await handle({ request, url: new URL(request.url), ctx, params, body });
      return json(result.status, result.body, headers);
    } catch (error) {
      const twilioError = toTwilioError(error);
      if (twilioError) return json(twilioError.status, twilioErrorBody(twilioError), headers);
      console.error(`[twilio-api] ${requestId} ${request.method} ${new URL(request.url).pathname} failed:`, error);
      const internal = new TwilioError(TWILIO_CODES.internal, `Something went wrong on our side; quote ${requestId} when reporting it`, 500);
      return json(500, twilioErrorBody(internal), headers);
    }
  };
}
