import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { trackTransaction } from "@/lib/db/after-commit";
import { DEFAULT_SESSION_LIMITS, limitSessions, type SessionLimits } from "@/lib/db/session-limits";
import { registerPool } from "@/lib/db/sql";
import { PrismaClient } from "@/lib/generated/prisma/client";

const TRANSACTION_MAX_WAIT_MS = 10_000;

// A Prisma client for a postgresql:// URL. A `schema` query parameter (used by tests, which give
// each file its own schema) becomes both Prisma's schema and the session's search_path. The pool is
// Prisma's and lib/db/sql.ts's alike.
export function createPrismaClient(url: string, options: { max?: number; limits?: SessionLimits } = {}) {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema") ?? undefined;
  parsed.searchParams.delete("schema");
  const pool = new pg.Pool({ connectionString: parsed.toString(), max: options.max ?? 10, allowExitOnIdle: true });
  // Session settings, besides the time limits:
  // - random_page_cost 1.1 (the default 4 prices a random read as a disk seek): with it the planner
  //   updated a 1,000-message batch by hashing the whole Message table (a sequential scan per round,
  //   growing with the table) rather than 1,000 primary-key lookups, three times slower at 20,000
  //   rows. Our working set is in memory or on SSD, where 1.1 is the usual setting.
  const settings = [`SET random_page_cost = 1.1`, ...(schema ? [`SET search_path TO "${schema.replaceAll('"', '""')}", public`] : [])];
  limitSessions(pool, options.limits ?? DEFAULT_SESSION_LIMITS, settings);
  const adapter = new PrismaPg(pool, schema ? { schema } : undefined);
  // A message's secretBody (a verification code's whole text) is read only by the dispatcher's SQL.
  // An interactive transaction waits up to TRANSACTION_MAX_WAIT_MS for a connection of the pool
  // (Prisma's default, 2 s, failed texts coming in while the pool's 10 connections served the job
  // calls of a busy campaign: measured with bench:workflows beside bench:campaign); the session's
  // statement and idle limits still bound what it then does.
  const client = new PrismaClient({ adapter, omit: { message: { secretBody: true } }, transactionOptions: { maxWait: TRANSACTION_MAX_WAIT_MS } });
  registerPool(client, pool);
  trackTransactions(client);
  return client;
}

type Begin = (this: unknown, work: unknown, options?: unknown) => Promise<unknown>;

/**
 * Every interactive transaction of `client`, and of the clients extended from it (scopedDb), is
 * tracked for afterCommit (lib/db/after-commit.ts): an extended client calls the $transaction it
 * inherits with itself as `this`, so the transaction client it gets is still its own (scoped). The
 * array form runs no code of ours inside the transaction, so there is nothing to track.
 */
function trackTransactions(client: { $transaction: unknown }) {
  const begin = client.$transaction as unknown as Begin;
  const tracked: Begin = async function (this: unknown, work, options) {
    if (typeof work !== "function") return begin.call(this, work, options);
    let transaction: ReturnType<typeof trackTransaction> | undefined;
    let result: unknown;
    try {
      result = await begin.call(
        this,
        (tx: object) => {
          transaction = trackTransaction(tx);
          return transaction.run(() => (work as (tx: object) => Promise<unknown>)(tx));
        },
        options,
      );
    } catch (error) {
      transaction?.rolledBack();
      throw error;
    }
    await transaction?.committed();
    return result;
  };
  client.$transaction = tracked;
}

export type Db = ReturnType<typeof createPrismaClient>;
