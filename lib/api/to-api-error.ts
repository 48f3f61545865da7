// Turns whatever a handler threw into an ApiError: domain errors by their reason (else their
// code), zod errors naming the parameter, anything else a 500 that names no internals.
import { ZodError, type z } from "zod";
import { ApiError } from "@/lib/api/api-error";
import type { ApiErrorCode } from "@/lib/errors/error-codes";
import { DomainError, type DomainErrorCode } from "@/lib/errors";

const BY_DOMAIN_CODE: Record<DomainErrorCode, ApiErrorCode> = {
  BAD_REQUEST: "invalid_parameter",
  NOT_FOUND: "not_found",
  CONFLICT: "conflict",
  FORBIDDEN: "forbidden",
};

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The API names parameters in snake_case; domain code names fields in camelCase ("mediaIds.0"). */
export function apiParam(path: readonly PropertyKey[] | string | undefined): string | null {
  const parts = typeof path === "string" ? path.split(".") : (path ?? []).map(String);
  if (parts.length === 0 || parts[0] === "") return null;
  return parts.reduce((out, part) => (/^\d+$/.test(part) ? `${out}[${part}]` : out ? `${out}.${snake(part)}` : snake(part)), "");
}

export function fromZodIssue(issue: z.core.$ZodIssue, prefix: readonly PropertyKey[] = []): ApiError {
  if (issue.code === "unrecognized_keys") {
    // The client's own spelling of the key, which is the one it will look for.
    const parent = apiParam([...prefix, ...issue.path]);
    const param = parent ? `${parent}.${issue.keys[0]}` : issue.keys[0]!;
    return new ApiError("unknown_parameter", `Unknown parameter ${param}${issue.keys.length > 1 ? ` (and ${issue.keys.slice(1).join(", ")})` : ""}`, param);
  }
  const param = apiParam([...prefix, ...issue.path]);
  const message = issue.code === "invalid_type" && issue.input === undefined ? "is required" : issue.message;
  return new ApiError("invalid_parameter", param ? `${param}: ${message}` : message, param);
}

function fromDomainError(error: DomainError): ApiError {
  const code = error.reason ?? BY_DOMAIN_CODE[error.code];
  return new ApiError(code, error.message, apiParam(error.field));
}

/** The ApiError for `error`, or null when it is not one we can explain (a 500). */
export function toApiError(error: unknown): ApiError | null {
  if (error instanceof ApiError) return error;
  if (error instanceof DomainError) return fromDomainError(error);
  if (error instanceof ZodError) return fromZodIssue(error.issues[0]!);
  return null;
}
