// What a failed Messages API call means for the dispatcher. Only a failure that certainly left no
// message at Twilio may be retried: a resubmit after an unknown outcome risks sending the text twice.
import twilio from "twilio";
import type { SubmitOutcome } from "@/lib/carriers/carrier";

type Failure = Extract<SubmitOutcome, { ok: false }>;

// Twilio refused the request before creating a message and says to try again later.
const RETRYABLE_HTTP = new Set([429, 503]);
// Socket errors raised while connecting, before a byte of the request was sent.
const NOT_CONNECTED = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

export function submitFailure(error: unknown): Failure {
  if (error instanceof twilio.RestException) {
    // Twilio's code (21211 bad number, 21610 unsubscribed, 20429 throttled...) and its explanation.
    return {
      ok: false,
      retryable: RETRYABLE_HTTP.has(error.status),
      code: String(error.code ?? `HTTP_${error.status}`),
      message: error.message,
    };
  }
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  const message = error instanceof Error ? error.message : String(error);
  if (NOT_CONNECTED.has(code)) return { ok: false, retryable: true, code, message: `Twilio not reached: ${message}` };
  // A reset, a timeout or a malformed answer after the request went out: Twilio may have accepted it.
  return { ok: false, retryable: false, code: code || "UNKNOWN_OUTCOME", message: `Outcome unknown: ${message}` };
}
