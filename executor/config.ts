// The executor's settings, from its environment (or given directly when embedded in a test).
import { z } from "zod";
import { DEFAULT_SESSION_LIMITS, type SessionLimits } from "../lib/db/session-limits.ts";

const int = (fallback: number, min = 0) => z.coerce.number().int().min(min).default(fallback);

const schema = z.object({
  DATABASE_URL: z
    .string({ error: "is required (the app's PostgreSQL; `npm start` passes it)" })
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL"),
  EXECUTOR_HOST: z.string().default("127.0.0.1"),
  EXECUTOR_PORT: int(8288),
  // Calls to functions in flight at once, per executor process.
  EXECUTOR_CONCURRENCY: int(32, 1),
  // How often an idle executor looks for work that another process queued or that came due.
  EXECUTOR_POLL_MS: int(100, 5),
  // How long a claimed queue row stays leased without renewal; after that another worker retries it.
  EXECUTOR_LEASE_MS: int(30_000, 500),
  EXECUTOR_RETRY_BASE_MS: int(2_000, 1),
  EXECUTOR_RETRY_MAX_MS: int(3_600_000, 1),
  EXECUTOR_CALL_TIMEOUT_MS: int(600_000, 100),
  EXECUTOR_RETENTION_DAYS: int(14, 1),
  // Let the SDK run consecutive steps in one call, reporting each result back (its default with
  // an Inngest server); "false" makes every step a call of its own.
  EXECUTOR_CHECKPOINTING: z.enum(["true", "false"]).default("true"),
  EXECUTOR_LOG: z.enum(["silent", "error", "info", "debug"]).default("info"),
  // The same limits as the app's pools (lib/db/session-limits.ts).
  DB_STATEMENT_TIMEOUT_MS: int(DEFAULT_SESSION_LIMITS.statementTimeoutMs),
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: int(DEFAULT_SESSION_LIMITS.idleInTransactionMs),
  // With a signing key the executor signs its calls (the SDK then runs in cloud mode against it)
  // and requires the key on /fn/register; with an event key it requires that key on /e/:key.
  INNGEST_SIGNING_KEY: z.string().regex(/^(signkey-\w+-)?[0-9a-f]+$/i, "must be hexadecimal, optionally prefixed signkey-<env>-").optional(),
  INNGEST_EVENT_KEY: z.string().min(1).optional(),
});

export interface ExecutorOptions {
  databaseUrl: string;
  host: string;
  port: number;
  concurrency: number;
  pollMs: number;
  leaseMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  callTimeoutMs: number;
  retentionDays: number;
  checkpointing: boolean;
  log: "silent" | "error" | "info" | "debug";
  sessionLimits: SessionLimits;
  signingKey?: string;
  eventKey?: string;
}

export function optionsFromEnv(source: Record<string, string | undefined>): ExecutorOptions {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
    throw new Error(`Invalid executor environment: ${lines.join("; ")}`);
  }
  const e = result.data;
  return {
    databaseUrl: e.DATABASE_URL,
    host: e.EXECUTOR_HOST,
    port: e.EXECUTOR_PORT,
    concurrency: e.EXECUTOR_CONCURRENCY,
    pollMs: e.EXECUTOR_POLL_MS,
    leaseMs: e.EXECUTOR_LEASE_MS,
    retryBaseMs: e.EXECUTOR_RETRY_BASE_MS,
    retryMaxMs: e.EXECUTOR_RETRY_MAX_MS,
    callTimeoutMs: e.EXECUTOR_CALL_TIMEOUT_MS,
    retentionDays: e.EXECUTOR_RETENTION_DAYS,
    checkpointing: e.EXECUTOR_CHECKPOINTING === "true",
    log: e.EXECUTOR_LOG,
    sessionLimits: { statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS, idleInTransactionMs: e.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS },
    signingKey: e.INNGEST_SIGNING_KEY,
    eventKey: e.INNGEST_EVENT_KEY,
  };
}

/** Settings for an embedded executor: the environment's defaults, overridden by `overrides`. */
export function defaultOptions(databaseUrl: string, overrides: Partial<ExecutorOptions> = {}): ExecutorOptions {
  return { ...optionsFromEnv({ DATABASE_URL: databaseUrl }), ...overrides };
}
