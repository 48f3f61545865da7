// Imported once at server start (instrumentation.ts): fail fast, with one line, on a bad environment.
import { parseEnv } from "@/lib/env";

try {
  parseEnv(process.env);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
