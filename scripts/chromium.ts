// Finds the Chromium that Playwright drives (Debian's package; Playwright's own browser downloads
// are not used). Installs it when running as root with apt, else says exactly how to get it.
import { existsSync } from "node:fs";
import { run } from "./run.ts";

const CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];

export async function ensureChromium(): Promise<string> {
  const found = CANDIDATES.find((p): p is string => !!p && existsSync(p));
  if (found) return found;
  if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
    console.log("Chromium is missing: installing Debian's chromium package...");
    await run("apt-get", ["update", "-qq"]);
    await run("apt-get", ["install", "-y", "-qq", "chromium"], { ...process.env, DEBIAN_FRONTEND: "noninteractive" });
    if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  }
  throw new Error(
    "Chromium not found. Install it with `sudo apt-get update && sudo apt-get install -y chromium` " +
      "(Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome executable.",
  );
}
