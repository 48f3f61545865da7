// Runs in each integration worker before its test file: lib/env.ts validates the whole environment
// on first use (invitation links read APP_URL), so DATABASE_URL must be set; point it at the test
// database so nothing can reach a developer's own database by accident.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
