import { describe, expect, it } from "vitest";
import { z } from "zod";
import { apiParam, toApiError } from "@/lib/api/to-api-error";
import { DomainError } from "@/lib/errors";

describe("apiParam", () => {
  it("names parameters as the API spells them: snake_case, array items in brackets", () => {
    expect(apiParam("mediaIds")).toBe("media_ids");
    expect(apiParam("mediaIds.0")).toBe("media_ids[0]");
    expect(apiParam(["messages", 3, "statusCallback"])).toBe("messages[3].status_callback");
    expect(apiParam(undefined)).toBeNull();
    expect(apiParam([])).toBeNull();
  });
});

describe("toApiError", () => {
  it("maps a domain error by its reason, else by its code", () => {
    expect(toApiError(new DomainError("BAD_REQUEST", "x", "sendAt", "invalid_send_at"))).toMatchObject({ code: "invalid_send_at", status: 400, param: "send_at" });
    expect(toApiError(new DomainError("CONFLICT", "x", "id"))).toMatchObject({ code: "conflict", status: 409 });
    expect(toApiError(new DomainError("NOT_FOUND", "x"))).toMatchObject({ code: "not_found", status: 404, param: null });
    expect(toApiError(new DomainError("FORBIDDEN", "x"))).toMatchObject({ code: "forbidden", status: 403 });
  });

  it("takes only the registry's codes as reasons: a misspelt one does not compile (npm run typecheck)", () => {
    // @ts-expect-error "message_not_cancellable" is not in lib/errors/error-codes.ts
    const misspelt = () => new DomainError("CONFLICT", "x", "id", "message_not_cancellable");
    expect(misspelt).toBeTypeOf("function");
  });

  it("names the parameter of a zod error, and the unknown key as the client spelt it", () => {
    const schema = z.strictObject({ sendAt: z.string() });
    expect(toApiError(schema.safeParse({ sendAt: 1 }).error)).toMatchObject({ code: "invalid_parameter", param: "send_at" });
    expect(toApiError(schema.safeParse({ sendAt: "x", fooBar: 1 }).error)).toMatchObject({ code: "unknown_parameter", param: "fooBar" });
  });

  it("leaves anything else to be a 500", () => {
    expect(toApiError(new Error("boom"))).toBeNull();
    expect(toApiError("boom")).toBeNull();
  });
});
