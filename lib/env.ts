// The validated environment. Every variable the server reads is declared here; nothing else reads
// process.env directly. A missing or invalid variable stops start-up with one line naming it.
import { z } from "zod";

const serverSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z
    .string({ error: "is required (a postgresql:// URL; `npm start` provides an embedded database when unset)" })
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL"),
  AUTH_SECRET: z
    .string({ error: "is required (32+ random characters; `npm start` generates one into .data/ when unset)" })
    .min(32, "must be at least 32 characters"),
  APP_URL: z.url("must be an absolute URL such as http://localhost:3000").default("http://localhost:3000"),
});

export type Env = z.infer<typeof serverSchema>;

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
