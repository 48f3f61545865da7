// Starting an executor: database, registry, worker and HTTP API. Used by main.ts (its own
// process beside the app) and by the tests and benchmark, which embed it.
import type { AddressInfo } from "node:net";
import type { ExecutorOptions } from "./config.ts";
import type { Ctx } from "./context.ts";
import { Db } from "./db.ts";
import { Registry } from "./functions/registry.ts";
import { startHousekeeping } from "./housekeeping.ts";
import { createApiServer } from "./http/server.ts";
import { createLog } from "./log.ts";
import { Worker } from "./queue/worker.ts";

export interface RunningExecutor {
  url: string;
  port: number;
  ctx: Ctx;
  /** Stops taking work, lets calls in flight finish (up to `graceMs`), closes the API and the pool. */
  stop(graceMs?: number): Promise<void>;
}

export async function startExecutor(options: ExecutorOptions): Promise<RunningExecutor> {
  const log = createLog(options.log);
  // A pool sized for the calls in flight plus claims, heartbeats and the API.
  const db = new Db(options.databaseUrl, options.sessionLimits, Math.min(options.concurrency + 4, 24));
  const registry = new Registry(db, log);
  await registry.refresh(true);
  const ctx: Ctx = { db, registry, options, log, wake: (delayMs) => worker.wake(delayMs), stats: { calls: 0, waitsLoaded: 0 } };
  const worker = new Worker(ctx);
  const server = createApiServer(ctx);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  worker.start();
  const registryTimer = setInterval(() => registry.refresh().catch((error) => log.error("reloading functions failed", error)), 1_000);
  const stopHousekeeping = startHousekeeping(ctx);
  log.info(`listening on http://${options.host}:${port}`);
  let stopped: Promise<void> | null = null;
  const stop = async (graceMs: number) => {
    clearInterval(registryTimer);
    stopHousekeeping();
    server.closeIdleConnections();
    const closed = new Promise((resolve) => server.close(resolve));
    await worker.stop(graceMs);
    server.closeAllConnections();
    await closed;
    await db.close();
  };
  return {
    url: `http://${options.host}:${port}`,
    port,
    ctx,
    stop: (graceMs = 5_000) => (stopped ??= stop(graceMs)),
  };
}
