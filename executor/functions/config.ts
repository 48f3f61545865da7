// What the SDK registers for each function (POST /fn/register), validated and normalised into the
// settings the executor acts on. Anything the executor cannot honour is refused at sync time with
// the reason, rather than discovered when an event arrives.
import { z } from "zod";
import { parseCron } from "../cron.ts";
import { parseDuration } from "../durations.ts";
import { compile } from "../expressions/evaluate.ts";

const expression = z.string().refine((source) => {
  try {
    compile(source);
    return true;
  } catch {
    return false;
  }
}, "is not a valid expression");
const duration = z.string().refine((v) => parseDuration(v) !== null, "is not a time string like 10s or 1h30m");
const concurrencyOption = z.object({ limit: z.number().int().min(0), key: expression.optional(), scope: z.enum(["fn", "env", "account"]).optional() });

export const functionConfigSchema = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  triggers: z
    .array(
      z.union([
        z.object({ event: z.string().min(1), expression: expression.optional().nullable() }),
        z.object({
          cron: z.string().refine((c) => {
            try {
              parseCron(c);
              return true;
            } catch {
              return false;
            }
          }, "is not a valid cron schedule"),
          jitter: z.string().optional(),
        }),
      ]),
    )
    .default([]),
  steps: z.record(z.string(), z.object({ runtime: z.object({ url: z.url() }), retries: z.object({ attempts: z.number().int().min(0).max(20).optional() }).optional() })),
  idempotency: expression.optional(),
  batchEvents: z.object({ maxSize: z.number().int().min(1), timeout: duration, key: expression.optional(), if: expression.optional() }).optional(),
  rateLimit: z.object({ key: expression.optional(), limit: z.number().int().min(1), period: duration }).optional(),
  throttle: z.object({ key: expression.optional(), limit: z.number().int().min(1), period: duration, burst: z.number().int().min(1).optional() }).optional(),
  singleton: z.object({ key: expression.optional(), mode: z.enum(["skip", "cancel"]) }).optional(),
  cancel: z.array(z.object({ event: z.string().min(1), if: expression.optional(), timeout: z.string().optional() })).optional(),
  debounce: z.object({ key: expression.optional(), period: duration, timeout: duration.optional() }).optional(),
  timeouts: z.object({ start: duration.optional(), finish: duration.optional() }).optional(),
  priority: z.object({ run: expression.optional() }).optional(),
  concurrency: z.union([z.number().int().min(0), concurrencyOption, z.array(concurrencyOption).max(2)]).optional(),
});

export type FunctionConfig = z.infer<typeof functionConfigSchema>;

export interface ConcurrencyLimit {
  limit: number;
  key?: string;
  scope: "fn" | "env" | "account";
}

/** A registered function as the executor uses it. */
export interface FunctionDef {
  id: string;
  appId: string;
  name: string;
  url: string;
  events: { name: string; expression?: string }[];
  crons: string[];
  maxAttempts: number;
  concurrency: ConcurrencyLimit[];
  throttle?: { key?: string; limit: number; periodMs: number; burst: number };
  rateLimit?: { key?: string; limit: number; periodMs: number };
  idempotency?: string;
  debounce?: { key?: string; periodMs: number; timeoutMs?: number };
  batch?: { maxSize: number; timeoutMs: number; key?: string; if?: string };
  priority?: string;
  singleton?: { key?: string; mode: "skip" | "cancel" };
  cancel: { event: string; if?: string; timeoutMs?: number }[];
  timeouts: { startMs?: number; finishMs?: number };
}

const DEFAULT_RETRIES = 3;
const ms = (v: string | undefined) => (v === undefined ? undefined : (parseDuration(v) ?? undefined));

export function toFunctionDef(appId: string, config: FunctionConfig): FunctionDef {
  const step = Object.values(config.steps)[0];
  if (!step) throw new Error(`function ${config.id} has no step URL`);
  const concurrency = config.concurrency === undefined ? [] : typeof config.concurrency === "number" ? [{ limit: config.concurrency }] : [config.concurrency].flat();
  return {
    id: config.id,
    appId,
    name: config.name ?? config.id,
    url: step.runtime.url,
    events: config.triggers.flatMap((t) => ("event" in t ? [{ name: t.event, expression: t.expression ?? undefined }] : [])),
    crons: config.triggers.flatMap((t) => ("cron" in t ? [t.cron] : [])),
    // The SDK registers `retries` (the number of retries) as `attempts`.
    maxAttempts: (step.retries?.attempts ?? DEFAULT_RETRIES) + 1,
    concurrency: concurrency.filter((c) => c.limit > 0).map((c) => ({ limit: c.limit, key: c.key, scope: c.scope ?? "fn" })),
    throttle: config.throttle && { key: config.throttle.key, limit: config.throttle.limit, periodMs: ms(config.throttle.period)!, burst: config.throttle.burst ?? 1 },
    rateLimit: config.rateLimit && { key: config.rateLimit.key, limit: config.rateLimit.limit, periodMs: ms(config.rateLimit.period)! },
    idempotency: config.idempotency,
    debounce: config.debounce && { key: config.debounce.key, periodMs: ms(config.debounce.period)!, timeoutMs: ms(config.debounce.timeout) },
    batch: config.batchEvents && { maxSize: config.batchEvents.maxSize, timeoutMs: ms(config.batchEvents.timeout)!, key: config.batchEvents.key, if: config.batchEvents.if },
    priority: config.priority?.run,
    singleton: config.singleton,
    cancel: (config.cancel ?? []).map((c) => ({ event: c.event, if: c.if, timeoutMs: ms(c.timeout) })),
    timeouts: { startMs: ms(config.timeouts?.start), finishMs: ms(config.timeouts?.finish) },
  };
}
