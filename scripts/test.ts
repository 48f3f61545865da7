// `npm test`: every tier in turn — static checks, unit, database integration, end-to-end in Chromium.
// Each tier prints its own report; the last line adds up the tests of all tiers.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { bin, run } from "./run.ts";

// The integration tier's Redis rate-limit test starts its own redis-server: install Debian's when
// it is missing and we may (root with apt), else that test says how to get it.
async function ensureRedisServer() {
  if (["/usr/bin/redis-server", "/usr/local/bin/redis-server"].some((p) => existsSync(p))) return;
  if (process.getuid?.() !== 0 || !existsSync("/usr/bin/apt-get")) return;
  console.log("redis-server is missing: installing Debian's redis-server package...");
  try {
    await run("apt-get", ["update", "-qq"]);
    await run("apt-get", ["install", "-y", "-qq", "redis-server"], { ...process.env, DEBIAN_FRONTEND: "noninteractive" });
  } catch (error) {
    console.error(`Installing redis-server failed: ${(error as Error).message}`);
  }
}

interface Tier {
  name: string;
  cmd: string;
  args: string[];
  /** Where the tier's runner writes its JSON results, to count its tests. */
  results?: string;
}

const vitest = (project: string): Tier => ({
  name: project,
  cmd: bin("vitest"),
  args: ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=test-results/${project}.json`],
  results: `test-results/${project}.json`,
});

const tiers: Tier[] = [
  { name: "typecheck", cmd: bin("tsc"), args: ["--noEmit"] },
  { name: "lint", cmd: "npm", args: ["run", "--silent", "lint"] },
  vitest("unit"),
  vitest("integration"),
  // playwright.config.ts writes test-results/e2e.json.
  { name: "end-to-end", cmd: bin("tsx"), args: ["scripts/e2e.ts"], results: "test-results/e2e.json" },
];

function counts(file: string): { passed: number; failed: number } {
  const report = JSON.parse(readFileSync(file, "utf8"));
  if ("numPassedTests" in report) return { passed: report.numPassedTests, failed: report.numFailedTests };
  return { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected };
}

const failedTiers: string[] = [];
let passed = 0;
let failed = 0;
for (const tier of tiers) {
  console.log(`\n=== ${tier.name} ===`);
  if (tier.name === "integration") await ensureRedisServer();
  if (tier.results) rmSync(tier.results, { force: true });
  try {
    await run(tier.cmd, tier.args);
  } catch {
    failedTiers.push(tier.name);
  }
  if (tier.results && existsSync(tier.results)) {
    const c = counts(tier.results);
    passed += c.passed;
    failed += c.failed;
  }
}
if (failedTiers.length > 0) console.error(`\nFailed tiers: ${failedTiers.join(", ")}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failedTiers.length > 0 ? 1 : 0);
