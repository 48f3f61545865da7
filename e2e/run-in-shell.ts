// Runs a command copied from the docs as a reader pastes it into a terminal: through `sh`, with only
// PATH, HOME and the variables the docs tell them to export, so the example has to work as printed.
import { execFile } from "node:child_process";

export interface ShellResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runInShell(command: string, exported: Record<string, string>, timeoutMs = 30_000): Promise<ShellResult> {
  // Not even NODE_ENV (which Next's types make required): the shell gets nothing else.
  const env = { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: process.env.HOME ?? "/tmp", ...exported } as Record<string, string> as NodeJS.ProcessEnv;
  return new Promise((resolve) => {
    execFile("sh", ["-c", command], { env, timeout: timeoutMs }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
