// lib/db.ts, the app's one database client, is for server code only: outside a server build (a
// client component, a script run under tsx) importing it throws, rather than shipping the client and
// its URL anywhere else. The benchmarks that run the app's jobs in-process say they are server code
// with --conditions=react-server. (Vitest aliases "server-only" away, so this runs real processes.)
import { execFile } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(root, "node_modules/.bin/tsx");

function importDb(args: string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, DATABASE_URL: "postgresql://postgres@127.0.0.1:1/unused", AUTH_SECRET: "server-only-unit-test-secret-0123456789" };
  const code = 'import("./lib/db.ts").then(({ db }) => console.log(typeof db.$queryRaw))';
  return new Promise((resolve) => {
    execFile(tsx, [...args, "-e", code], { cwd: root, env, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe("lib/db.ts", () => {
  it("throws when imported outside a server build", async () => {
    const result = await importDb();
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("This module cannot be imported from a Client Component module");
  });

  it("loads under the react-server condition, as the benchmarks run it", async () => {
    const result = await importDb(["--conditions=react-server"]);
    expect(result, result.stderr).toMatchObject({ code: 0, stdout: "function\n" });
  });
});
