// How the session routes (media, the contacts export) answer a refusal: JSON { error: { code, message, field } } with the status
// the error implies (413 for a size limit). Anything else is rethrown, for Next.js to log as a 500.
import { DomainError } from "@/lib/errors";
import { MediaTooLargeError } from "@/lib/media/check-media-file";

const STATUS: Partial<Record<DomainError["code"], number>> = { BAD_REQUEST: 400, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 };

export function mediaErrorResponse(status: number, code: string, message: string, field?: string): Response {
  return Response.json({ error: { code, message, field: field ?? null } }, { status });
}

export function domainErrorResponse(error: unknown): Response {
  if (error instanceof MediaTooLargeError) return mediaErrorResponse(413, "payload_too_large", error.message, error.field);
  if (!(error instanceof DomainError)) throw error;
  return mediaErrorResponse(STATUS[error.code] ?? 400, error.code.toLowerCase(), error.message, error.field);
}
