// What every part of the executor is handed: the database, the registered functions, settings,
// logging, and a way to tell this process's worker that work is due.
import type { ExecutorOptions } from "./config.ts";
import type { Db } from "./db.ts";
import type { Registry } from "./functions/registry.ts";
import type { Log } from "./log.ts";

export interface Ctx {
  db: Db;
  registry: Registry;
  options: ExecutorOptions;
  log: Log;
  /** Work becomes due in `delayMs` (now by default): wake the local worker then. */
  wake(delayMs?: number): void;
  /** Counters of this process, for tests and the benchmark (waitsLoaded: wait rows read by matchWaits). */
  stats: { calls: number; waitsLoaded: number };
}

/** An event as functions receive it. */
export interface EventPayload {
  name: string;
  data: Record<string, unknown>;
  id: string;
  ts: number;
  user?: Record<string, unknown>;
  v?: string;
}

/** An error as the SDK serialises it. */
export interface JsonError {
  name: string;
  message: string;
  stack?: string;
  [key: string]: unknown;
}

export const ACTIVE_RUN = new Set(["QUEUED", "RUNNING"]);

export const errorOf = (name: string, message: string): JsonError => ({ name, message });
