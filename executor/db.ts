// The executor's PostgreSQL access: a pg pool, schema-qualified table names, and transactions
// retried on deadlock. Table names are qualified rather than relying on search_path, so one pool
// serves any schema (the tests and benchmarks give each run its own).
import pg from "pg";
import { limitSessions, type SessionLimits } from "../lib/db/session-limits.ts";

const TABLES = {
  app: "JobApp",
  fn: "JobFunction",
  event: "JobEvent",
  run: "JobRun",
  step: "JobStep",
  queue: "JobQueue",
  wait: "JobWait",
  throttle: "JobThrottle",
  idem: "JobIdempotency",
  batch: "JobBatch",
  debounce: "JobDebounce",
} as const;

export type Tables = { [K in keyof typeof TABLES]: string };
export type Client = pg.PoolClient | pg.Pool;
type Row = Record<string, unknown>;

/**
 * A transaction in progress: its queries, and callbacks to run once it has committed, in order,
 * never after a rollback (an attempt retried after a deadlock drops its own). The app's transactions
 * keep the same contract (lib/db/after-commit.ts).
 */
export interface Tx {
  query<R extends Row = Row>(text: string, values?: unknown[]): Promise<R[]>;
  count(text: string, values?: unknown[]): Promise<number>;
  afterCommit(callback: () => void): void;
}

const RETRYABLE = new Set(["40P01", "40001"]);

export class Db {
  readonly pool: pg.Pool;
  readonly t: Tables;

  constructor(url: string, limits: SessionLimits, max = 10) {
    const parsed = new URL(url);
    const schema = parsed.searchParams.get("schema");
    parsed.searchParams.delete("schema");
    this.pool = new pg.Pool({ connectionString: parsed.toString(), max });
    // Also keeps an idle client losing its connection from crashing the process; the next query reconnects.
    limitSessions(this.pool, limits);
    const qualify = (name: string) => (schema ? `"${schema.replaceAll('"', '""')}"."${name}"` : `"${name}"`);
    this.t = Object.fromEntries(Object.entries(TABLES).map(([key, name]) => [key, qualify(name)])) as Tables;
  }

  async query<R extends Row = Row>(text: string, values?: unknown[], client: Client = this.pool): Promise<R[]> {
    return (await client.query<R>(text, values)).rows;
  }

  /**
   * Runs `fn` in a transaction on one connection; a deadlock or serialization failure retries it.
   * Nothing else may be awaited on another connection or the network inside: a transaction holds
   * its locks while it waits, and the server ends one left idle too long.
   */
  async tx<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      const callbacks: (() => void)[] = [];
      const tx: Tx = {
        query: async (text, values) => (await client.query(text, values)).rows,
        count: async (text, values) => (await client.query(text, values)).rowCount ?? 0,
        afterCommit: (callback) => callbacks.push(callback),
      };
      let broken: Error | undefined;
      try {
        await client.query("BEGIN");
        const result = await fn(tx);
        await client.query("COMMIT");
        for (const callback of callbacks) callback();
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch((e: Error) => (broken = e));
        const code = (error as { code?: string }).code;
        if (!code || !RETRYABLE.has(code) || attempt >= 5) throw error;
      } finally {
        client.release(broken);
      }
    }
  }

  async close() {
    await this.pool.end();
  }
}
