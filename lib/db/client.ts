import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { registerPool } from "@/lib/db/sql";
import { PrismaClient } from "@/lib/generated/prisma/client";

// A Prisma client for a postgresql:// URL. A `schema` query parameter (used by tests, which give
// each file its own schema) becomes both Prisma's schema and the session's search_path. The pool is
// Prisma's and lib/db/sql.ts's alike.
export function createPrismaClient(url: string, options: { max?: number } = {}) {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema") ?? undefined;
  parsed.searchParams.delete("schema");
  const pool = new pg.Pool({ connectionString: parsed.toString(), max: options.max ?? 10, allowExitOnIdle: true });
  // Set by a statement rather than the `options` startup parameter, which the embedded PGlite's
  // socket server ignores (raw SQL then missed the test's schema). pg queues it before any other
  // query on the new connection.
  if (schema) pool.on("connect", (connection) => void connection.query(`SET search_path TO "${schema.replaceAll('"', '""')}", public`).catch(() => {}));
  const adapter = new PrismaPg(pool, schema ? { schema } : undefined);
  const client = new PrismaClient({ adapter });
  registerPool(client, pool);
  return client;
}

export type Db = ReturnType<typeof createPrismaClient>;
