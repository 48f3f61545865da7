// `npm test`: every tier in turn — static checks, unit, database integration, end-to-end in Chromium.
// Each tier prints its own summary; the command fails if any tier fails.
import { bin, run } from "./run.ts";

const tiers: [string, string, string[]][] = [
  ["typecheck", bin("tsc"), ["--noEmit"]],
  ["lint", bin("eslint"), ["--max-warnings=0", "."]],
  ["unit", bin("vitest"), ["run", "--project", "unit"]],
  ["integration", bin("vitest"), ["run", "--project", "integration"]],
  ["end-to-end", bin("tsx"), ["scripts/e2e.ts"]],
];

const failed: string[] = [];
for (const [name, cmd, args] of tiers) {
  console.log(`\n=== ${name} tests ===`);
  try {
    await run(cmd, args);
  } catch {
    failed.push(name);
  }
}
if (failed.length > 0) {
  console.error(`\nFailed tiers: ${failed.join(", ")}`);
  process.exit(1);
}
console.log("\nAll test tiers passed.");
