// The app as deployed, on a scratch schema: the production build (`next start`, built first if
// stale) on a free loopback port, its jobs synced with the scratch's executor; and an org made as
// sign-up makes one. What bench:api and bench:links measure against.
import { randomBytes } from "node:crypto";
import { buildIfStale } from "../build.ts";
import { bin, freePort, startProcess, syncJobs, waitForHttp } from "../run.ts";
import type { Scratch } from "./scratch.ts";

export async function scratchServer(scratch: Scratch, extraEnv: Record<string, string> = {}) {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: scratch.dbUrl,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    APP_URL: baseUrl,
    INNGEST_DEV: scratch.executorUrl,
    INNGEST_BASE_URL: scratch.executorUrl,
    ...extraEnv,
  };
  let server: ReturnType<typeof startProcess> | undefined;
  return {
    baseUrl,
    build: () => buildIfStale(env),
    async start() {
      server = startProcess(bin("next"), ["start", "-p", String(port), "-H", "127.0.0.1"], { ...env, NODE_ENV: "production" });
      await waitForHttp(`${baseUrl}/api/v1/openapi.json`);
      await syncJobs(`${baseUrl}/api/inngest`, scratch.executorUrl);
    },
    /** Stops the server, then cleans the scratch up. */
    async stop() {
      server?.kill("SIGTERM");
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await scratch.cleanup();
    },
  };
}

/** An org with its owner, made by lib/ on the scratch schema as sign-up makes them; this process's db for more. */
export async function benchOrg(scratch: Scratch) {
  Object.assign(process.env, { DATABASE_URL: scratch.dbUrl, SKIP_ENV_VALIDATION: "1" });
  const { db } = await import("../../lib/db.ts");
  const { signUp } = await import("../../lib/auth/sign-up.ts");
  const { createOrg } = await import("../../lib/orgs/create-org.ts");
  const user = await signUp(db, { name: "Bench", email: "bench@example.test", password: "bench password 1" });
  const org = await createOrg(db, user.id, { name: "Bench", defaultCountry: "US" });
  return { db, org };
}
