// Assertions on the errors the domain and tRPC raise: the code, and for domain errors the field.
import { TRPCError } from "@trpc/server";
import { expect } from "vitest";
import { DomainError, type DomainErrorCode } from "@/lib/errors";

export async function expectDomainError(promise: Promise<unknown>, code: DomainErrorCode, field?: string): Promise<DomainError> {
  const error = await promise.then(
    (value) => {
      throw new Error(`expected a ${code} DomainError, got ${JSON.stringify(value)}`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  const domain = error as DomainError;
  expect({ code: domain.code, field: domain.field }).toEqual({ code, field });
  return domain;
}

export async function expectTRPCError(promise: Promise<unknown>, code: TRPCError["code"]): Promise<TRPCError> {
  const error = await promise.then(
    (value) => {
      throw new Error(`expected a ${code} TRPCError, got ${JSON.stringify(value)}`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code, (error as Error).message).toBe(code);
  return error as TRPCError;
}
