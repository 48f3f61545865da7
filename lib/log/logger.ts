// The server's one log: pino, one JSON object per line on stdout, at LOG_LEVEL (lib/env.ts). Each
// part of the app logs through a child naming it (`logger.child({ component: "jobs" })`), and every
// line written while a request is served carries that request's id, however deep down the code
// that writes it: the public APIs' pipeline (lib/api/request-pipeline.ts) and the tRPC route run
// the request inside withRequestId, and the mixin below reads it back from the AsyncLocalStorage.
//
// No transport: pino's transports run in a worker thread that Next.js's bundles cannot load, and
// the log is written synchronously to stdout, where the process manager (or `pino-pretty`, piped)
// takes it. Next.js keeps pino out of its server bundles by default (serverExternalPackages).
import { AsyncLocalStorage } from "node:async_hooks";
import pino from "pino";
import { logLevel } from "@/lib/env";

const requestScope = new AsyncLocalStorage<{ requestId: string }>();

/** Runs `serve` with every line it logs, synchronously or after any await, carrying `requestId`. */
export function withRequestId<T>(requestId: string, serve: () => T): T {
  return requestScope.run({ requestId }, serve);
}

/**
 * Runs `open` outside any request: what it starts and keeps (a carrier's bind, its sockets and
 * timers) inherits the async context it was opened in, and its lines, long after, must not name the
 * request that happened to open it.
 */
export function outsideRequest<T>(open: () => T): T {
  return requestScope.exit(open);
}

export const logger = pino(
  {
    level: logLevel(),
    // Levels by name ("warn"), not pino's numbers, and ISO times: read by people as much as by tools.
    formatters: { level: (label) => ({ level: label }) },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: () => {
      const scope = requestScope.getStore();
      return scope ? { requestId: scope.requestId } : {};
    },
  },
  process.stdout,
);
