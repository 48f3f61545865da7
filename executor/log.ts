// One-line logs with a level, to stderr; quiet in tests.
export type LogLevel = "silent" | "error" | "info" | "debug";

const RANK: Record<LogLevel, number> = { silent: 0, error: 1, info: 2, debug: 3 };

export interface Log {
  error(message: string, extra?: unknown): void;
  info(message: string, extra?: unknown): void;
  debug(message: string, extra?: unknown): void;
}

export function createLog(level: LogLevel, prefix = "[executor]"): Log {
  const write = (at: LogLevel) => (message: string, extra?: unknown) => {
    if (RANK[at] > RANK[level]) return;
    const detail = extra instanceof Error ? ` ${extra.stack ?? extra.message}` : extra === undefined ? "" : ` ${JSON.stringify(extra)}`;
    process.stderr.write(`${prefix} ${message}${detail}\n`);
  };
  return { error: write("error"), info: write("info"), debug: write("debug") };
}
