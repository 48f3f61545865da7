// End-to-end tier: a fresh database (a new database on TEST_DATABASE_URL/DATABASE_URL's server, or
// an embedded PostgreSQL in a temp folder), migrated and seeded; the production build served by
// `next start` with the embedded job executor beside it, as `npm start` runs them; Playwright driving
// Debian's Chromium against it.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { buildIfStale } from "./build.ts";
import { ensureChromium } from "./chromium.ts";
import { startTemporaryPostgres } from "./embedded-postgres.ts";
import { bin, freePort, run, startProcess, syncJobs, waitForHttp } from "./run.ts";

const port = process.env.E2E_PORT ?? "3900";
const baseUrl = `http://localhost:${port}`;

async function freshDatabase(): Promise<{ url: string; cleanup: () => Promise<void> }> {
  const server = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!server) {
    const embedded = await startTemporaryPostgres("textstack-e2e", { durable: false });
    return { url: embedded.url, cleanup: () => embedded.stop() };
  }
  // Its own name lets two checkouts (or two people) on one server run the tier at once.
  const name = process.env.E2E_DATABASE ?? "textstack_e2e";
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`E2E_DATABASE must be a plain database name, not ${name}`);
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  url.search = "";
  return { url: url.toString(), cleanup: async () => {} };
}

const chromium = await ensureChromium();
const db = await freshDatabase();
const executorUrl = `http://127.0.0.1:${await freePort()}`;
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: db.url,
  AUTH_SECRET: randomBytes(32).toString("base64url"),
  APP_URL: baseUrl,
  INNGEST_DEV: executorUrl,
  INNGEST_BASE_URL: executorUrl,
  // The developer-journey spec's webhook receiver listens on 127.0.0.1, which the SSRF guard refuses by default.
  WEBHOOK_ALLOW_PRIVATE: "true",
};
let server: ReturnType<typeof startProcess> | undefined;
let executor: ReturnType<typeof startProcess> | undefined;
let exitCode = 1;
try {
  await run(bin("prisma"), ["migrate", "deploy"], env);
  await run(bin("tsx"), ["prisma/seed.ts"], env);
  await buildIfStale(env);
  executor = startProcess(process.execPath, ["--import", "tsx", "executor/main.ts"], { ...env, EXECUTOR_PORT: new URL(executorUrl).port, EXECUTOR_LOG: "error" });
  server = startProcess(bin("next"), ["start", "-p", port], { ...env, NODE_ENV: "production" });
  await waitForHttp(`${baseUrl}/sign-in`);
  await syncJobs(`${baseUrl}/api/inngest`, executorUrl);
  await run(bin("playwright"), ["test", ...process.argv.slice(2)], { ...env, E2E_BASE_URL: baseUrl, CHROMIUM_PATH: chromium });
  exitCode = 0;
} catch (error) {
  console.error((error as Error).message);
} finally {
  server?.kill("SIGTERM");
  executor?.kill("SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  await db.cleanup();
}
process.exit(exitCode);
