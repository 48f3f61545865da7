// The public API as a client calls it: keys made the way the Developers page makes them, and real
// Request objects handed to the exported route handlers. Route handlers use the app's one client
// (lib/db.ts), so a test file points DATABASE_URL at its own schema before importing them.
import { afterAll } from "vitest";
import type { ApiScope } from "@/lib/api-keys/scopes";
import type { Db } from "@/lib/db/client";
import { databaseUrl, setupTestDatabase, withSchema, type TestDatabase } from "./db";

/** This file's database, with the app's client (lib/db.ts) pointed at it. Import routes after. */
export async function setupApiDatabase(): Promise<TestDatabase> {
  const database = await setupTestDatabase();
  const saved = process.env.DATABASE_URL;
  process.env.DATABASE_URL = withSchema(databaseUrl(), database.schema);
  delete (globalThis as { textstackDb?: unknown }).textstackDb;
  afterAll(() => {
    process.env.DATABASE_URL = saved;
    delete (globalThis as { textstackDb?: unknown }).textstackDb;
  });
  return database;
}

/** A key of the org with these scopes, made as an admin on the Developers page would; its token. */
export async function createTestApiKey(db: Db, orgId: string, scopes: ApiScope[], extra: { name?: string; expiresAt?: Date } = {}) {
  const { createApiKey } = await import("@/lib/api-keys/create-api-key");
  const { scopedDb } = await import("@/lib/db/scoped");
  const ctx = { db: scopedDb(db, orgId), orgId, actor: { type: "SYSTEM" as const, id: null, label: "test" }, role: null };
  return createApiKey(ctx, { name: extra.name ?? `Key ${scopes.join(" ")}`, scopes, expiresAt: extra.expiresAt });
}

export function apiRequest(
  path: string,
  init: { method?: string; token?: string | null; body?: unknown; headers?: Record<string, string> } = {},
): Request {
  const headers = new Headers(init.headers);
  if (init.token) headers.set("authorization", `Bearer ${init.token}`);
  const body = init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body);
  if (body !== undefined && !headers.has("content-type")) headers.set("content-type", "application/json");
  return new Request(`http://localhost:3000${path}`, { method: init.method ?? (body === undefined ? "GET" : "POST"), headers, body });
}

/** The params argument Next.js passes a dynamic route handler. */
export const routeParams = <P extends Record<string, string>>(params: P) => ({ params: Promise.resolve(params) });

// Response bodies are whatever JSON the API sent; tests read them freely and assert their shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

export async function call(response: Response | Promise<Response>) {
  const res = await response;
  return { status: res.status, headers: res.headers, body: (await res.json()) as Json };
}
