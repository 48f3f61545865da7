// The one error type of the public API, and its JSON shape:
// { "error": { "code", "message", "param", "doc_url" } } (plus "request_id" on 500s).
import { API_ERROR_STATUS, type ApiErrorCode } from "@/lib/errors/error-codes";
import { env } from "@/lib/env";

export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly param: string | null = null,
  ) {
    super(message);
    this.name = "ApiError";
    this.status = API_ERROR_STATUS[code];
  }
}

const docUrl = (code: ApiErrorCode) => `${env.APP_URL}/docs/api#errors-${code}`;

export function apiErrorBody(error: ApiError, requestId?: string) {
  return {
    error: {
      code: error.code,
      message: error.message,
      param: error.param,
      doc_url: docUrl(error.code),
      ...(requestId && { request_id: requestId }),
    },
  };
}
