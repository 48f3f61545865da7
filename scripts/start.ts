// `npm start` (production) and `npm run dev`: one command from a fresh clone to a running app.
// Starts the embedded database when DATABASE_URL is unset, applies migrations, seeds the demo
// org once, builds when the build is missing or stale, then serves.
import { parseEnv } from "../lib/env.ts";
import { DEMO_LOGIN } from "../prisma/demo.ts";
import { prepareLocalEnv } from "./local-env.ts";
import { buildIfStale } from "./build.ts";
import { bin, run, startProcess, waitForHttp } from "./run.ts";

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

const server = startProcess(bin("next"), [dev ? "dev" : "start", "-p", port], {
  ...env,
  NODE_ENV: dev ? "development" : "production",
});

async function shutdown(code: number) {
  server.kill("SIGTERM");
  await embedded?.stop();
  process.exit(code);
}
server.on("exit", (code) => void shutdown(code ?? 0));
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

await waitForHttp(`http://127.0.0.1:${port}/sign-in`);
console.log(`\nTextstack is running on ${env.APP_URL}\nDemo login: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}\n`);
