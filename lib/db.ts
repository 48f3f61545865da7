// The one Prisma client of the process. Org-owned data is reached through lib/db/scoped.ts.
// Server code only: importing it into a client component fails the build rather than shipping the
// database client (and its URL) to browsers. Scripts run outside Next make their own client with
// createPrismaClient (lib/db/client.ts), as prisma/seed.ts and scripts/admin.ts do.
import "server-only";
import { env } from "@/lib/env";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { DEFAULT_SESSION_LIMITS } from "@/lib/db/session-limits";

const globalForDb = globalThis as unknown as { textstackDb?: Db };

export const db: Db =
  globalForDb.textstackDb ??
  createPrismaClient(env.DATABASE_URL, {
    limits: {
      statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS ?? DEFAULT_SESSION_LIMITS.statementTimeoutMs,
      idleInTransactionMs: env.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS ?? DEFAULT_SESSION_LIMITS.idleInTransactionMs,
    },
  });
if (env.NODE_ENV !== "production") globalForDb.textstackDb = db;
