// Limits on every connection of a pool, so that a statement or a transaction that waits too long is
// cut off with an error that names it, never a silent hang: a transaction left open while its caller
// waits on something else (a network call, another connection) holds its locks, and everyone who
// needs them waits behind it. The app's pools (lib/db/client.ts) and the job executor's
// (executor/db.ts) both go through here; this module depends on nothing but pg.
import type pg from "pg";

export interface SessionLimits {
  /** A statement running longer than this is cancelled (statement_timeout); 0 for none. */
  statementTimeoutMs: number;
  /**
   * A session that sits inside a transaction doing nothing for longer than this is ended by the
   * server, rolling the transaction back (idle_in_transaction_session_timeout); 0 for none.
   */
  idleInTransactionMs: number;
}

export const DEFAULT_SESSION_LIMITS: SessionLimits = { statementTimeoutMs: 30_000, idleInTransactionMs: 15_000 };

const QUERY_CANCELED = "57014";
const IDLE_IN_TRANSACTION = "25P03";

type Failure = Error & { code?: string };

const statementText = (args: unknown[]): string => {
  const first = args[0] as string | { text?: string } | undefined;
  const text = typeof first === "string" ? first : (first?.text ?? "");
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 300 ? `${flat.slice(0, 300)}…` : flat;
};

/** `ended`: what the server said when it closed the connection, if it did. */
function explain(error: Failure, args: unknown[], limits: SessionLimits, ended: Failure | undefined): Failure {
  if (error.code === QUERY_CANCELED && /statement timeout/.test(error.message)) {
    error.message = `Statement cut off after ${limits.statementTimeoutMs} ms (statement_timeout): ${statementText(args)}`;
  } else if (error.code === IDLE_IN_TRANSACTION || ended?.code === IDLE_IN_TRANSACTION) {
    error.message =
      `Transaction ended by the server after ${limits.idleInTransactionMs} ms idle inside it (idle_in_transaction_session_timeout; ` +
      `was its caller waiting on something else while it held the transaction open?); the statement that found it closed: ${statementText(args)}`;
  }
  return error;
}

/**
 * Applies `limits` (and any other `SET` statements in `settings`) to each new connection of `pool`,
 * and makes the errors of those limits name the statement they hit.
 */
export function limitSessions(pool: pg.Pool, limits: SessionLimits, settings: string[] = []): void {
  const statements = [
    `SET statement_timeout = ${Math.trunc(limits.statementTimeoutMs)}`,
    `SET idle_in_transaction_session_timeout = ${Math.trunc(limits.idleInTransactionMs)}`,
    ...settings,
  ];
  // A connection the server ends while no query of ours is running on it (idle in a transaction past
  // the limit) reports on the connection itself: with no listener that would crash the process. The
  // next query on it fails, named by explain(), and the pool then discards it.
  pool.on("error", () => {});
  pool.on("connect", (connection) => {
    // The first error is the server's reason; "Connection terminated unexpectedly" follows it.
    let ended: Failure | undefined;
    connection.on("error", (error: Failure) => (ended ??= error));
    const query = connection.query.bind(connection) as (...args: unknown[]) => unknown;
    (connection as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const callback = args.at(-1);
      if (typeof callback === "function") {
        // pool.query's form (lib/db/sql.ts's single statements).
        const named = [...args.slice(0, -1), (error: Failure | null, result: unknown) => callback(error && explain(error, args, limits, ended), result)];
        return query(...named);
      }
      const result = query(...args);
      return result instanceof Promise ? result.catch((error: Failure) => Promise.reject(explain(error, args, limits, ended))) : result;
    };
    // Sent before any other query on the new connection (pg queues them in order).
    void connection.query(statements.join("; ")).catch(() => {});
  });
}
