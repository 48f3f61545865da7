import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createApiKeyInput } from "@/lib/api-keys/api-key-input";
import { hashApiKey, looksLikeApiKey, newApiKeyToken } from "@/lib/api-keys/api-key-token";
import { API_SCOPES } from "@/lib/api-keys/scopes";

describe("newApiKeyToken", () => {
  it("makes a prefixed base62 token, its SHA-256 and a preview of its last four characters", () => {
    const { token, keyHash, preview } = newApiKeyToken();
    expect(token).toMatch(/^tsk_live_[0-9A-Za-z]{40}$/);
    expect(keyHash).toBe(hashApiKey(token));
    expect(keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(preview).toBe(`tsk_live_…${token.slice(-4)}`);
    expect(looksLikeApiKey(token)).toBe(true);
  });

  it("never repeats, and uses the whole alphabet", () => {
    const tokens = Array.from({ length: 500 }, () => newApiKeyToken().token);
    expect(new Set(tokens).size).toBe(500);
    const characters = new Set(tokens.join("").replaceAll("tsk_live_", ""));
    expect(characters.size).toBe(62);
  });

  it("tells a token from something else without a database", () => {
    for (const text of ["", "tsk_live_", `tsk_test_${"a".repeat(40)}`, `tsk_live_${"a".repeat(31)}`, `tsk_live_${"a".repeat(39)}!`, `Bearer tsk_live_${"a".repeat(40)}`]) {
      expect(looksLikeApiKey(text), text).toBe(false);
    }
  });
});

describe("createApiKeyInput", () => {
  it("accepts the scopes of the one list, once each, and refuses others", () => {
    const scopes = API_SCOPES.map((s) => s.scope);
    expect(createApiKeyInput.parse({ name: " CI ", scopes: [...scopes, "verify"] })).toEqual({ name: "CI", scopes });
    const refused = createApiKeyInput.safeParse({ name: "CI", scopes: ["messages:delete"] });
    expect(refused.error?.issues[0]).toMatchObject({ path: ["scopes", 0], message: "is not a known scope" });
    expect(createApiKeyInput.safeParse({ name: "CI", scopes: [] }).error?.issues[0]?.message).toBe("Choose at least one scope");
    expect(createApiKeyInput.safeParse({ name: "CI", scopes: ["verify"], expiresAt: "2001-01-01" }).error?.issues[0]?.message).toBe("must be in the future");
  });
});

/** The scope each route handler of the two APIs requires (apiRoute / twilioRoute), by file. */
function routeScopes(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeScopes(file);
    if (entry.name !== "route.ts") return [];
    return [...readFileSync(file, "utf8").matchAll(/\b(?:apiRoute|twilioRoute)\s*(?:<[^>]*>)?\(\s*"([^"]+)"/g)].map((m) => m[1]!);
  });
}

/** Scopes that guard a parameter of a route (requireScope(ctx, "messages:transactional", "marketing")) in lib/api. */
function parameterScopes(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true }).flatMap((entry) =>
    entry.isFile() && entry.name.endsWith(".ts")
      ? [...readFileSync(path.join(entry.parentPath, entry.name), "utf8").matchAll(/\brequireScope\(\s*\w+,\s*"([^"]+)",\s*"[^"]+"/g)].map((m) => m[1]!)
      : [],
  );
}

describe("API_SCOPES", () => {
  it("offers only scopes that guard at least one route, or a parameter of one", () => {
    const app = path.resolve(import.meta.dirname, "../../app");
    const byParameter = parameterScopes(path.resolve(import.meta.dirname, "../../lib/api"));
    expect(byParameter).toEqual(["messages:transactional"]); // the scan finds them
    const guarding = new Set([...routeScopes(path.join(app, "api/v1")), ...routeScopes(path.join(app, "2010-04-01")), ...byParameter]);
    expect(guarding.size).toBeGreaterThan(3); // the scan finds the routes
    expect(API_SCOPES.map((s) => s.scope).filter((scope) => !guarding.has(scope))).toEqual([]);
  });
});
