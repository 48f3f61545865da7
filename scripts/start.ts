// `npm start` (production) and `npm run dev`: one command from a fresh clone to a running app.
// Starts the embedded database when DATABASE_URL is unset, applies migrations, seeds the demo
// org once, builds when the build is missing or stale, starts the job executor when no Inngest
// server is configured, then serves and syncs the app's functions with the executor.
import { inngestServerConfigured, parseEnv } from "../lib/env.ts";
import { DEMO_LOGIN } from "../prisma/demo.ts";
import { prepareLocalEnv } from "./local-env.ts";
import { buildIfStale } from "./build.ts";
import { bin, freePort, run, startProcess, syncJobs, waitForHttp } from "./run.ts";

const dev = process.argv.includes("--dev");
const port = process.env.PORT ?? "3000";

const { env, embedded } = await prepareLocalEnv();
env.APP_URL ||= `http://localhost:${port}`;
try {
  parseEnv(env);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

await run(bin("prisma"), ["migrate", "deploy"], env);
await run(bin("tsx"), ["prisma/seed.ts"], env);

if (!dev) await buildIfStale(env);

// Background jobs: the embedded executor (executor/), unless an Inngest server is configured. It
// runs under node with tsx as a loader (not the tsx wrapper), so signals reach the executor itself.
const executorPort = inngestServerConfigured(env) ? null : env.EXECUTOR_PORT || String(await freePort());
if (executorPort) {
  env.INNGEST_DEV = env.INNGEST_BASE_URL = `http://127.0.0.1:${executorPort}`;
  env.INNGEST_SERVE_ORIGIN ||= `http://127.0.0.1:${port}`;
}
const executor = executorPort ? startProcess(process.execPath, ["--import", "tsx", "executor/main.ts"], { ...env, EXECUTOR_PORT: executorPort }) : null;
const executorExit = new Promise((resolve) => (executor ? executor.once("exit", resolve) : resolve(null)));

const server = startProcess(bin("next"), [dev ? "dev" : "start", "-p", port], {
  ...env,
  NODE_ENV: dev ? "development" : "production",
});

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  server.kill("SIGTERM");
  executor?.kill("SIGTERM");
  // The executor finishes the calls it has in flight before the embedded database goes away.
  await Promise.race([executorExit, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  await embedded?.stop();
  process.exit(code);
}
server.on("exit", (code) => void shutdown(code ?? 0));
executor?.on("exit", (code) => void shutdown(code ?? 0));
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

await waitForHttp(`http://127.0.0.1:${port}/sign-in`);
if (executor) await syncJobs(`http://127.0.0.1:${port}/api/inngest`, env.INNGEST_DEV!);
console.log(`\nTextstack is running on ${env.APP_URL}\nDemo login: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}\n`);
