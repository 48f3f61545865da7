// Token buckets in Redis (when REDIS_URL is set), with the PostgreSQL bucket's semantics: one Lua
// script refills the bucket for the time since its last use and takes a token only if a whole one
// is there. Redis runs a script alone, so concurrent requests on any number of servers share one
// limit; the clock is Redis's own (TIME), so servers whose clocks disagree still agree on refills.
import { createHash } from "node:crypto";
import type { RateLimit } from "@/lib/rate-limit/rate-limit";
import type { RedisClient } from "@/lib/rate-limit/redis-client";

// KEYS[1]: the bucket, a hash {tokens, at}; ARGV: rate (tokens per second), burst.
// Returns the tokens left as a string (a number reply would be truncated to an integer), or nil
// when refused. A refusal writes nothing, so the refill still counts from the last token taken.
// The key expires when the bucket would be full again: a missing key is a full bucket, so idle
// keys cost no memory and nothing has to sweep them.
// Before Redis 5 a script that reads TIME must ask for its writes to be replicated as effects.
export const TAKE_TOKEN_SCRIPT = `
if redis.replicate_commands then redis.replicate_commands() end
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) + tonumber(time[2]) / 1000000
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = burst
if state[1] then
  tokens = math.min(burst, tonumber(state[1]) + rate * math.max(0, now - tonumber(state[2])))
end
if tokens < 1 then return nil end
tokens = tokens - 1
redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens), 'at', string.format('%.6f', now))
redis.call('PEXPIRE', KEYS[1], math.ceil((burst - tokens) / rate * 1000))
return string.format('%.17g', tokens)
`;

const SCRIPT_SHA = createHash("sha1").update(TAKE_TOKEN_SCRIPT).digest("hex");

/** Where a bucket lives in Redis: prefixed, so a shared Redis can tell Textstack's keys apart. */
export const redisBucketKey = (bucket: string) => `textstack:rate-limit:${bucket}`;

/** The tokens left after taking one, or null when the bucket had no whole token (nothing taken). */
export async function takeTokenRedis(redis: RedisClient, bucket: string, { rate, burst }: RateLimit): Promise<number | null> {
  const options = { keys: [redisBucketKey(bucket)], arguments: [String(rate), String(burst)] };
  let reply;
  try {
    reply = await redis.evalSha(SCRIPT_SHA, options);
  } catch (error) {
    // Not cached yet (first use, a restarted Redis, SCRIPT FLUSH): EVAL runs it and caches it, so
    // the next EVALSHA finds it.
    if (!(error instanceof Error) || !error.message.startsWith("NOSCRIPT")) throw error;
    reply = await redis.eval(TAKE_TOKEN_SCRIPT, options);
  }
  return reply === null ? null : Number(reply);
}
