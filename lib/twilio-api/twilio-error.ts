// Errors of the Twilio-compatible API in Twilio's shape, `{ code, message, more_info, status }`, with
// Twilio's own codes where one exists, so code written against Twilio branches the same way here.
// Errors of the rest of the app (ApiError, DomainError, zod) are translated once, in toTwilioError.
import { ApiError } from "@/lib/api/api-error";
import type { ApiErrorCode } from "@/lib/errors/error-codes";
import { toApiError } from "@/lib/api/to-api-error";

export class TwilioError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = "TwilioError";
  }
}

export const twilioErrorBody = (error: TwilioError) => ({
  code: error.code,
  message: error.message,
  more_info: `https://www.twilio.com/docs/errors/${error.code}`,
  status: error.status,
});

export const TWILIO_CODES = {
  /** Unknown or unsupported parameter, or one we cannot read (no Twilio code of its own). */
  invalidParameter: 20001,
  authenticate: 20003,
  cannotDelete: 20009,
  forbidden: 20403,
  notFound: 20404,
  tooManyRequests: 20429,
  internal: 20500,
  invalidTo: 21211,
  invalidFrom: 21212,
  bodyRequired: 21602,
  toRequired: 21604,
  fromNotOurs: 21606,
  invalidStatusCallback: 21609,
  unsubscribed: 21610,
  bodyTooLong: 21617,
  invalidMediaUrl: 21620,
  tooManyMedia: 21623,
  notCancelable: 30409,
  invalidScheduleType: 35111,
  invalidSendAt: 35114,
} as const;

const C = TWILIO_CODES;

const BY_API_CODE: Partial<Record<ApiErrorCode, number>> = {
  missing_api_key: C.authenticate,
  invalid_api_key: C.authenticate,
  expired_api_key: C.authenticate,
  revoked_api_key: C.authenticate,
  insufficient_scope: C.forbidden,
  forbidden: C.forbidden,
  not_found: C.notFound,
  rate_limited: C.tooManyRequests,
  recipient_unsubscribed: C.unsubscribed,
  unknown_sender: C.fromNotOurs,
  no_sender: C.fromNotOurs,
  mms_not_supported: C.fromNotOurs,
  media_not_found: C.invalidMediaUrl,
  too_many_media: C.tooManyMedia,
  invalid_send_at: C.invalidSendAt,
  message_not_cancelable: C.notCancelable,
};

/** Invalid values of a parameter, by the domain's name of it (ApiError.param). */
function invalidParameterCode(error: ApiError): number {
  const missing = error.message.endsWith("is required");
  switch (error.param) {
    case "to":
      return error.code === "invalid_phone_number" || !missing ? C.invalidTo : C.toRequired;
    case "from":
      return C.invalidFrom;
    case "body":
      return error.message.includes("limited to") ? C.bodyTooLong : C.bodyRequired;
    case "status_callback":
      return C.invalidStatusCallback;
    case "send_at":
      return C.invalidSendAt;
    default:
      return error.param?.startsWith("media_ids") ? C.invalidMediaUrl : C.invalidParameter;
  }
}

// The domain names parameters in its own words; a Twilio client knows them by Twilio's names.
const TWILIO_PARAM: Record<string, string> = { to: "To", from: "From", body: "Body", status_callback: "StatusCallback", send_at: "SendAt", media_ids: "MediaUrl" };

/** The TwilioError for `error`, or null when it is not one we can explain (a 500). */
export function toTwilioError(error: unknown): TwilioError | null {
  if (error instanceof TwilioError) return error;
  const apiError = toApiError(error);
  if (!apiError) return null;
  const code = BY_API_CODE[apiError.code] ?? (apiError.status === 400 ? invalidParameterCode(apiError) : null);
  if (code === null) return new TwilioError(C.invalidParameter, apiError.message, apiError.status);
  const name = apiError.param ? TWILIO_PARAM[apiError.param.replace(/\[\d+\]$/, "")] : undefined;
  // "body: is required" reads better as "Body: is required" to someone who sent Body.
  const message = name && apiError.message.startsWith(`${apiError.param}:`) ? `${name}${apiError.message.slice(apiError.param!.length)}` : apiError.message;
  return new TwilioError(code, message, apiError.status);
}
