// Builds the production app when there is no build or a source changed since the last one.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { bin, run } from "./run.ts";

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
  const sources = ["app", "components", "lib", "instrumentation.ts", "next.config.js", "package-lock.json"].filter(existsSync);
  return sources.some((s) => (statSync(s).isDirectory() ? newestSource(s) : statSync(s).mtimeMs) > built);
}

export async function buildIfStale(env: NodeJS.ProcessEnv) {
  if (!buildIsStale()) return;
  console.log("Building the app (no build yet, or sources changed)...");
  await run(bin("next"), ["build"], { ...env, SKIP_ENV_VALIDATION: "1", NODE_ENV: "production" });
}
