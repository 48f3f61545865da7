// Small process helpers for the scripts: run a command to completion, or start a long-lived one.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";

export function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: "inherit", env });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} exited with ${signal ?? code}`)),
    );
  });
}

export function startProcess(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
  return spawn(cmd, args, { stdio: "inherit", env });
}

/** Sends `signal` to the process and resolves once it has exited. */
export async function stopProcess(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill(signal);
  await exited;
}

export const bin = (name: string) => `node_modules/.bin/${name}`;

/** Resolves when `url` answers (any HTTP status), or rejects after `timeoutMs`. */
export async function waitForHttp(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await fetch(url, { redirect: "manual" });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/** A TCP port nothing listens on right now (loopback). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The SDK's sync: a PUT to the app's serve endpoint makes it register its functions with the executor. */
export async function syncJobs(serveUrl: string, executorUrl: string) {
  await waitForHttp(`${executorUrl}/health`);
  const response = await fetch(serveUrl, { method: "PUT" }).catch((error: Error) => error);
  if (response instanceof Error || !response.ok) {
    console.error(`Syncing jobs with the executor failed: ${response instanceof Error ? response.message : await response.text()}`);
  }
}
