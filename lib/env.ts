// The validated environment. Every variable the server reads is declared here; nothing else reads
// process.env directly. A missing or invalid variable stops start-up with one line naming it.
import { z } from "zod";

// Against Inngest Cloud or self-hosted Inngest the app both sends events and serves functions.
function inngestKeysTogether(env: { INNGEST_EVENT_KEY?: string; INNGEST_SIGNING_KEY?: string }, ctx: z.RefinementCtx) {
  if (Boolean(env.INNGEST_EVENT_KEY) === Boolean(env.INNGEST_SIGNING_KEY)) return;
  const [missing, given] = env.INNGEST_EVENT_KEY ? ["INNGEST_SIGNING_KEY", "INNGEST_EVENT_KEY"] : ["INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY"];
  ctx.addIssue({ code: "custom", path: [missing], message: `is required with ${given} (both come from Inngest Cloud or your self-hosted Inngest)` });
}

const S3_REQUIRED = ["S3_BUCKET", "S3_REGION", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const;
const S3_OPTIONAL = ["S3_ENDPOINT", "S3_FORCE_PATH_STYLE"] as const;

// Any S3_* variable means media goes to a bucket; a half-configured bucket would fail at the first
// upload instead of at start-up.
function s3SettingsTogether(env: Partial<Record<(typeof S3_REQUIRED)[number] | (typeof S3_OPTIONAL)[number], unknown>>, ctx: z.RefinementCtx) {
  const given = [...S3_REQUIRED, ...S3_OPTIONAL].find((name) => env[name] !== undefined);
  if (!given) return;
  for (const name of S3_REQUIRED) {
    if (env[name] !== undefined) continue;
    ctx.addIssue({ code: "custom", path: [name], message: `is required with ${given} (media is stored in an S3-compatible bucket when S3_* is set)` });
  }
}

// pino's levels (lib/log/logger.ts); silent writes nothing.
const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
const logLevelSchema = z.enum(LOG_LEVELS, `must be one of ${LOG_LEVELS.join(", ")}`);

const serverSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z
    .string({ error: "is required (a postgresql:// URL; `npm start` provides an embedded database when unset)" })
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL"),
  AUTH_SECRET: z
    .string({ error: "is required (32+ random characters; `npm start` generates one into .data/ when unset)" })
    .min(32, "must be at least 32 characters"),
  APP_URL: z.url("must be an absolute URL such as http://localhost:3000").default("http://localhost:3000"),
  // Background jobs run on an Inngest server. With none of the INNGEST_* below, `npm start` runs the
  // embedded executor (executor/) and points the app at it with INNGEST_DEV. The SDK reads these
  // itself; they are declared here so a bad value stops start-up with its name.
  INNGEST_DEV: z
    .string()
    .regex(/^(0|1|true|false|https?:\/\/\S+)$/, "must be 1, 0, or the URL of an Inngest dev server / executor")
    .optional(),
  INNGEST_BASE_URL: z.url("must be the URL of a self-hosted Inngest server").optional(),
  INNGEST_EVENT_KEY: z.string().min(1).optional(),
  // Inngest Cloud's keys look like signkey-prod-<hex>; a self-hosted server's are plain hex.
  INNGEST_SIGNING_KEY: z.string().regex(/^(signkey-\w+-)?[0-9a-f]+$/i, "must be hexadecimal (signkey-<env>-<hex> for Inngest Cloud)").optional(),
  INNGEST_SIGNING_KEY_FALLBACK: z.string().regex(/^(signkey-\w+-)?[0-9a-f]+$/i, "must be hexadecimal (signkey-<env>-<hex> for Inngest Cloud)").optional(),
  INNGEST_SERVE_ORIGIN: z.url("must be the app's origin as the Inngest server reaches it").optional(),
  EXECUTOR_PORT: z.coerce.number("must be a port number").int().min(0).max(65_535).optional(),
  // Outbound webhooks (and fetched media URLs) may reach private, loopback and link-local addresses:
  // off by default so a webhook URL cannot probe the server's own network (SSRF).
  WEBHOOK_ALLOW_PRIVATE: z
    .enum(["true", "false", "1", "0"], "must be true or false")
    .transform((value) => value === "true" || value === "1")
    .optional(),
  // MMS media (lib/media): files on local disk under MEDIA_DIR (default .data/media), or in an
  // S3-compatible bucket (AWS S3, Cloudflare R2, MinIO, ...) when the S3_* variables are set.
  MEDIA_DIR: z.string().min(1, "must be a folder path").optional(),
  // Uploaded CSV files of contact imports (lib/contacts/import/), kept until their import ends.
  IMPORT_DIR: z.string().min(1, "must be a folder path").optional(),
  S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "must be a bucket name (3-63 lower-case letters, digits, dots, hyphens)").optional(),
  S3_REGION: z.string().regex(/^[a-z0-9-]+$/, "must be a region name such as us-east-1 (auto for Cloudflare R2)").optional(),
  S3_ENDPOINT: z.url({ protocol: /^https?$/, error: "must be the http(s) URL of the S3-compatible service, such as https://s3.us-east-1.amazonaws.com" }).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1, "must not be empty").optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1, "must not be empty").optional(),
  S3_FORCE_PATH_STYLE: z
    .enum(["true", "false", "1", "0"], "must be true or false (true addresses the bucket as ENDPOINT/BUCKET, as MinIO needs)")
    .transform((value) => value === "true" || value === "1")
    .optional(),
  // Public API rate limit per key: a token bucket refilled at API_RATE_LIMIT requests per second,
  // holding at most API_RATE_LIMIT_BURST (default twice the rate).
  API_RATE_LIMIT: z.coerce.number("must be a number of requests per second").positive("must be above 0").default(100),
  API_RATE_LIMIT_BURST: z.coerce.number("must be a number of requests").int("must be a whole number").min(1, "must be at least 1").optional(),
  // A statement running longer, or a transaction idle inside for longer, is cut off with an error
  // naming it (lib/db/session-limits.ts, which has the defaults); 0 turns a limit off.
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number("must be a number of milliseconds").int().min(0).optional(),
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number("must be a number of milliseconds").int().min(0).optional(),
  // With a Redis, the rate-limit buckets live there instead of in PostgreSQL (lib/rate-limit/rate-limit.ts).
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL such as redis://127.0.0.1:6379" }).optional(),
  // The server's log (lib/log/logger.ts); default info, silent under tests (logLevel below).
  LOG_LEVEL: logLevelSchema.optional(),
}).superRefine((env, ctx) => {
  inngestKeysTogether(env, ctx);
  s3SettingsTogether(env, ctx);
});

export type Env = z.infer<typeof serverSchema>;

/**
 * Whether an Inngest server is configured (Inngest Cloud or self-hosted with keys, or a dev server
 * URL). If not, `npm start` runs the embedded executor.
 */
export function inngestServerConfigured(source: Record<string, string | undefined>): boolean {
  return Boolean(source.INNGEST_EVENT_KEY || source.INNGEST_SIGNING_KEY || source.INNGEST_DEV || source.INNGEST_BASE_URL);
}

/**
 * The log level: LOG_LEVEL, else silent under tests and info otherwise. Read on its own, not through
 * `env`, so the logger exists even when the rest of the environment is invalid and it is the line
 * that says so (lib/check-env.ts); an invalid LOG_LEVEL reads as the default until that check stops
 * the server naming it.
 */
export function logLevel(source: Record<string, string | undefined> = process.env): z.infer<typeof logLevelSchema> {
  const given = logLevelSchema.safeParse(source.LOG_LEVEL);
  if (given.success) return given.data;
  return source.NODE_ENV === "test" ? "silent" : "info";
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = serverSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
  throw new Error(`Invalid environment: ${lines.join("; ")}`);
}

// Next.js evaluates server modules while building, when no runtime variables exist; the build sets
// SKIP_ENV_VALIDATION and the real values are checked when the server starts (instrumentation.ts).
function load(): Env {
  if (process.env.SKIP_ENV_VALIDATION) return process.env as unknown as Env;
  return parseEnv(process.env);
}

let cached: Env | undefined;
export const env: Env = new Proxy({} as Env, {
  get(_target, key: string) {
    cached ??= load();
    return cached[key as keyof Env];
  },
});
