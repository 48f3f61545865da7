// A Twilio-compatible route handler: the public API's request pipeline (lib/api/request-pipeline.ts,
// the same as REST v1's: the key's rate-limit bucket, scopes, request id) with Twilio's dialect:
// HTTP Basic with the path's AccountSid, errors in Twilio's JSON (`{ code, message, more_info,
// status }`), form-encoded bodies as Twilio takes them, and no Idempotency-Key (Twilio's clients
// send none).
import { BODY_LIMITS, readBodyText, type BodyReader } from "@/lib/api/request-body";
import { pipelineRoute, type ApiDialect, type ApiResult, type PipelineRequest } from "@/lib/api/request-pipeline";
import { malformedPair } from "@/lib/api/url-encoding";
import type { ApiScope } from "@/lib/api-keys/scopes";
import { db } from "@/lib/db";
import { authenticateBasic, type TwilioContext } from "@/lib/twilio-api/authenticate-basic";
import { invalidParameter } from "@/lib/twilio-api/form-params";
import { TWILIO_CODES, TwilioError, toTwilioError, twilioErrorBody } from "@/lib/twilio-api/twilio-error";

/** The form-encoded body of a POST ("" when there is none). */
export type TwilioRequest<P> = PipelineRequest<TwilioContext, P, string>;

/** `body: null` answers 204 No Content (DELETE). */
export type TwilioResult = ApiResult;

const TWILIO: ApiDialect<TwilioContext, { accountSid: string }> = {
  name: "twilio-api",
  authenticate: (request, params) => authenticateBasic(db, request, params.accountSid),
  refusal(error) {
    const twilioError = toTwilioError(error);
    return twilioError && { status: twilioError.status, body: twilioErrorBody(twilioError) };
  },
  internal: (requestId) => ({
    status: 500,
    body: twilioErrorBody(new TwilioError(TWILIO_CODES.internal, `Something went wrong on our side; quote ${requestId} when reporting it`, 500)),
  }),
  idempotency: false,
};

const readForm: BodyReader<string> = async (request) => {
  const text = (await readBodyText(request, "application/x-www-form-urlencoded", BODY_LIMITS.form)) ?? "";
  const name = malformedPair(text);
  if (name !== null) throw invalidParameter(`${name || "A parameter"}: percent-encoding that is not UTF-8 (such as %ff)`);
  return { body: text, digest: text };
};

export function twilioRoute<P extends { accountSid: string }>(scope: ApiScope, handle: (req: TwilioRequest<P>) => Promise<TwilioResult>) {
  return pipelineRoute(TWILIO as ApiDialect<TwilioContext, P>, scope, handle, readForm);
}
