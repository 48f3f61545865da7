// Refusals made before any route handler runs (proxy.ts for a path Next.js cannot route; the HTTP
// server for a request head over its size limit), in the error shape of the API the path belongs
// to: Twilio's under /2010-04-01/, REST v1's anywhere else.
import { apiErrorBody, type ApiError } from "@/lib/api/api-error";
import { newRequestId } from "@/lib/api/request-id";
import { toTwilioError, twilioErrorBody } from "@/lib/twilio-api/twilio-error";

export const isTwilioPath = (pathname: string) => pathname.startsWith("/2010-04-01/");

/** The status, JSON body and headers of the refusal of a request for `pathname`. */
export function earlyRefusal(pathname: string, error: ApiError) {
  const body = isTwilioPath(pathname) ? twilioErrorBody(toTwilioError(error)!) : apiErrorBody(error);
  return { status: error.status, body, headers: { "Cache-Control": "no-store", "X-Request-Id": newRequestId() } };
}
