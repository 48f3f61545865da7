// The process's one Redis connection, for rate limits when REDIS_URL is set. Connected on first
// use rather than at import, so a server without Redis never tries; it reconnects in the
// background for as long as the process runs, so the buckets move back to Redis when it returns.
import { createClient } from "redis";
import { env } from "@/lib/env";

/** How long the first requests wait for the first connection before falling back. */
const FIRST_CONNECT_WAIT_MS = 1_000;
/** A reply later than this counts as Redis being unreachable: a request must not hang on it. */
const COMMAND_TIMEOUT_MS = 500;

let client: RedisClient | null = null;
let firstConnect: Promise<unknown> = Promise.resolve();
let lastError: Error | null = null;

function create(url: string) {
  return createClient({
    url,
    // While disconnected a command fails at once (and the caller falls back) instead of queueing
    // until Redis returns.
    disableOfflineQueue: true,
    commandOptions: { timeout: COMMAND_TIMEOUT_MS },
    // Never give up (the default stops after a socket timeout): the client must be there again
    // when Redis is. At most one attempt every 2 s while it is down.
    socket: { connectTimeout: 1_000, reconnectStrategy: (retries) => Math.min(2_000, 50 * 2 ** retries) },
  });
}

export type RedisClient = ReturnType<typeof create>;

function connect(url: string): RedisClient {
  const redis = create(url);
  // An 'error' without a listener would crash the process; the reason is kept for the warning.
  redis.on("error", (error: Error) => (lastError = error));
  redis.on("ready", () => (lastError = null));
  // Like the database pool (allowExitOnIdle), an open connection does not keep a process alive.
  redis.unref();
  const connected = redis.connect().catch(() => {}); // rejects only when closed by closeRedisClient
  firstConnect = Promise.race([connected, new Promise((resolve) => setTimeout(resolve, FIRST_CONNECT_WAIT_MS).unref())]);
  return redis;
}

/** The shared client, once its first connection was made or given up on; commands fail while down. */
export async function redisClient(): Promise<RedisClient> {
  if (!client) {
    if (!env.REDIS_URL) throw new Error("REDIS_URL is not set");
    client = connect(env.REDIS_URL);
  }
  await firstConnect;
  return client;
}

/** Why Redis last failed, for the fall-back warning (a command's own error just says "offline"). */
export function lastRedisError(): Error | null {
  return lastError;
}

/** Closes the connection (tests, shutdown); the next rate-limited request opens a new one. */
export async function closeRedisClient() {
  const closing = client;
  client = null;
  firstConnect = Promise.resolve();
  if (!closing) return;
  if (closing.isReady) await closing.close();
  else closing.destroy();
}
