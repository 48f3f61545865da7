import { describe, expect, it, vi } from "vitest";
import { codeMatches, generateCode, hashCode } from "@/lib/verify/verification-code";

// lib/env.ts reads the environment on first use, which comes after these.
vi.stubEnv("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/unused");
vi.stubEnv("AUTH_SECRET", "verification-code-unit-test-secret-0123");

const A = "ver_01jq0000000000000000000000";
const B = "ver_01jq0000000000000000000001";

describe("generateCode", () => {
  it("gives exactly the digits asked for, leading zeros included", () => {
    for (const length of [4, 6, 10]) expect(generateCode(length)).toMatch(new RegExp(`^\\d{${length}}$`));
    const firstDigits = new Set(Array.from({ length: 400 }, () => generateCode(4)[0]));
    expect(firstDigits).toEqual(new Set("0123456789"));
  });
});

describe("hashCode and codeMatches", () => {
  it("keeps no trace of the code and differs for equal codes of two verifications", () => {
    const hash = hashCode(A, "123456");
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain("123456");
    expect(hashCode(B, "123456")).not.toBe(hash);
    expect(hashCode(A, "123456")).toBe(hash);
  });

  it("matches only the same code of the same verification", () => {
    const hash = hashCode(A, "042917");
    expect(codeMatches(A, "042917", hash)).toBe(true);
    expect(codeMatches(A, "042918", hash)).toBe(false);
    expect(codeMatches(A, "42917", hash)).toBe(false);
    expect(codeMatches(B, "042917", hash)).toBe(false);
  });

  it("refuses, rather than throws on, a stored hash of the wrong length", () => {
    expect(codeMatches(A, "042917", "abcd")).toBe(false);
    expect(codeMatches(A, "042917", "")).toBe(false);
  });

  it("depends on AUTH_SECRET, so the table alone cannot be brute-forced", async () => {
    const hash = hashCode(A, "123456");
    vi.stubEnv("AUTH_SECRET", "another-secret-for-the-same-verification-0");
    vi.resetModules();
    const fresh = await import("@/lib/verify/verification-code");
    expect(fresh.hashCode(A, "123456")).not.toBe(hash);
    vi.stubEnv("AUTH_SECRET", "verification-code-unit-test-secret-0123");
  });
});
