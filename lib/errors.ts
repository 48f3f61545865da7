// Errors of the domain, raised by lib/<domain>/ and translated by each surface (tRPC, REST) into
// its own shape. `field` names the offending input, so forms can put the message beside it;
// `reason` is a stable machine code (invalid_phone_number, recipient_unsubscribed, ...) for the API,
// one of the registry's (lib/errors/error-codes.ts).
import type { ApiErrorCode } from "@/lib/errors/error-codes";

export type DomainErrorCode = "BAD_REQUEST" | "NOT_FOUND" | "CONFLICT" | "FORBIDDEN";

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly field?: string,
    readonly reason?: ApiErrorCode,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const notFound = (what: string, field?: string) => new DomainError("NOT_FOUND", `${what} not found`, field);
