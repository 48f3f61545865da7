// Work that must wait until a transaction has committed: announcing its rows to the job server
// (lib/events/emit.ts), which is a network call. Every transaction helper (orgSqlTransaction and
// systemSqlTransaction in lib/db/sql.ts, every Prisma $transaction in lib/db/client.ts) tracks its
// transaction here, so a function handed a transaction client registers on that transaction, however deeply nested,
// and no caller has to carry what to announce back out. The same contract as the executor's
// Tx.afterCommit (executor/db.ts): callbacks run once COMMIT has succeeded, in the order they were
// registered, never after a rollback. A callback that fails is logged, not thrown: the rows are
// durable by then and the sweepers (lib/jobs/sweep-*.ts) find work whose announcement was lost.
//
// The transaction in progress is also kept in an AsyncLocalStorage, so emitting inside one is
// detectable (emitEvents refuses it): with the embedded database a job-server call made while a
// transaction holds the one connection deadlocked the whole app, and with any database it holds the
// transaction's locks across a network round trip.
import { AsyncLocalStorage } from "node:async_hooks";
import { logger } from "@/lib/log/logger";

const log = logger.child({ component: "db" });

type Callback = () => unknown;

interface Transaction {
  open: boolean;
  callbacks: Callback[];
  /** Items of afterCommitBatched callbacks, by their flush function. */
  batches: Map<unknown, unknown[]>;
}

const byClient = new WeakMap<object, Transaction>();
const running = new AsyncLocalStorage<Transaction>();

/** Thrown by code that must not run inside a transaction (a network call) when it is. */
export class InsideTransactionError extends Error {
  constructor(what: string) {
    super(`${what} inside an open database transaction: register it with afterCommit(tx, ...) (lib/db/after-commit.ts) instead`);
    this.name = "InsideTransactionError";
  }
}

/** Whether the calling code runs inside the body of a transaction that has not ended. */
export function inTransaction(): boolean {
  return running.getStore()?.open === true;
}

/**
 * Begins tracking the transaction whose client is `tx` (for the transaction helpers only): `run`
 * its body, then exactly one of `committed` (runs the callbacks) or `rolledBack` (drops them).
 */
export function trackTransaction(tx: object) {
  const transaction: Transaction = { open: true, callbacks: [], batches: new Map() };
  byClient.set(tx, transaction);
  return {
    run: <T>(body: () => Promise<T>): Promise<T> => running.run(transaction, body),
    async committed(): Promise<void> {
      transaction.open = false;
      for (const callback of transaction.callbacks) await runLogged(callback);
    },
    rolledBack(): void {
      transaction.open = false;
      transaction.callbacks.length = 0;
    },
  };
}

/**
 * Runs `callback` once `client`'s transaction has committed. A client that is not a transaction's
 * (a pool, the Prisma client itself) commits each statement as it runs: the callback runs now.
 */
export async function afterCommit(client: object, callback: Callback): Promise<void> {
  const transaction = byClient.get(client);
  if (!transaction) return runLogged(callback);
  if (!transaction.open) throw new Error("afterCommit on a transaction that has already ended");
  transaction.callbacks.push(callback);
}

/**
 * afterCommit for work that is better done once per transaction than once per call: `items` from
 * every call with the same `flush` in one transaction go to one call of `flush`, at the place in
 * the order of the first such call (e.g. one emit for all the endpoints a transaction wrote
 * webhook deliveries for, however many statements wrote them).
 */
export async function afterCommitBatched<T>(client: object, flush: (items: T[]) => unknown, items: readonly T[]): Promise<void> {
  if (items.length === 0) return;
  const transaction = byClient.get(client);
  if (!transaction?.open) return afterCommit(client, () => flush([...items]));
  const batch = transaction.batches.get(flush) as T[] | undefined;
  if (batch) batch.push(...items);
  else {
    const collected = [...items];
    transaction.batches.set(flush, collected);
    transaction.callbacks.push(() => flush(collected));
  }
}

async function runLogged(callback: Callback): Promise<void> {
  try {
    await callback();
  } catch (error) {
    // A callback that itself ran inside another, still open transaction is a bug to surface, not an
    // announcement to lose quietly.
    if (error instanceof InsideTransactionError) throw error;
    log.error(`after-commit work failed (the sweepers will pick it up): ${(error as Error).message}`);
  }
}
