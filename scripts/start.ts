// `npm start` (production) and `npm run dev`: one command from a fresh clone to a running app.
// Starts the embedded database when DATABASE_URL is unset, applies migrations, seeds the demo
// org once, builds when the build is missing or stale, then serves.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { parseEnv } from "../lib/env.ts";
import { DEMO_LOGIN } from "../prisma/demo.ts";
import { prepareLocalEnv } from "./local-env.ts";
import { bin, run, startProcess } from "./run.ts";

const dev = process.argv.includes("--dev");
const port = process.env.PORT ?? "3000";

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function buildIsStale(): boolean {
  const stamp = ".next/BUILD_ID";
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  const sources = ["app", "components", "lib", "next.config.js", "package-lock.json"].filter(existsSync);
  return sources.some((s) => (statSync(s).isDirectory() ? newestSource(s) : statSync(s).mtimeMs) > built);
}

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

if (!dev && buildIsStale()) {
  console.log("Building the app (first start or sources changed)...");
  await run(bin("next"), ["build"], { ...env, SKIP_ENV_VALIDATION: "1", NODE_ENV: "production" });
}

const server = startProcess(bin("next"), [dev ? "dev" : "start", "-p", port], {
  ...env,
  NODE_ENV: dev ? "development" : "production",
});
console.log(`\nTextstack on ${env.APP_URL}  —  demo login: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}\n`);

async function shutdown(code: number) {
  server.kill("SIGTERM");
  await embedded?.stop();
  process.exit(code);
}
server.on("exit", (code) => void shutdown(code ?? 0));
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
