// The lines the server logs (lib/log/logger.ts), caught for a test to assert on. The logger writes
// JSON lines to stdout and is silent under tests, so catching them also turns it up to every level
// until the test ends, for a logger imported afresh meanwhile (vi.resetModules) too.
import { onTestFinished, vi } from "vitest";
import { logger } from "@/lib/log/logger";

export interface LogLine {
  level: string;
  msg: string;
  component?: string;
  requestId?: string;
  [field: string]: unknown;
}

/** Every line logged from now until the end of the calling test (other output passes through). */
export function captureLogs(): LogLine[] {
  const lines: LogLine[] = [];
  const level = logger.level;
  const envLevel = process.env.LOG_LEVEL;
  logger.level = "trace";
  process.env.LOG_LEVEL = "trace";
  const write = process.stdout.write.bind(process.stdout) as (chunk: unknown, ...rest: unknown[]) => boolean;
  const spy = vi.spyOn(process.stdout, "write").mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
    const line = parsed(String(chunk));
    if (!line) return write(chunk, ...rest);
    lines.push(line);
    return true;
  }) as typeof process.stdout.write);
  onTestFinished(() => {
    spy.mockRestore();
    logger.level = level;
    if (envLevel === undefined) delete process.env.LOG_LEVEL;
    else process.env.LOG_LEVEL = envLevel;
  });
  return lines;
}

function parsed(text: string): LogLine | null {
  try {
    const value = JSON.parse(text) as Partial<LogLine>;
    return typeof value.level === "string" && typeof value.msg === "string" ? (value as LogLine) : null;
  } catch {
    return null;
  }
}
