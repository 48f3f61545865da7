// Imported once at server start (instrumentation.ts): fail fast, with one line, on a bad environment.
import { parseEnv } from "@/lib/env";
import { logger } from "@/lib/log/logger";

try {
  parseEnv(process.env);
} catch (error) {
  logger.fatal((error as Error).message);
  process.exit(1);
}
