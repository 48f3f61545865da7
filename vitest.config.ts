// Two test tiers (see ARCHITECTURE.md): `unit` is pure code with no database; `integration` runs
// against a real PostgreSQL (TEST_DATABASE_URL, else DATABASE_URL, else an embedded PostgreSQL started
// by the global setup), each test file in a schema of its own so files can run in parallel.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      // Route-level modules import "server-only", which throws outside a React Server build.
      { find: /^server-only$/, replacement: `${root}tests/support/empty-module.ts` },
      { find: /^@\//, replacement: root },
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/integration/setup-env.ts"],
          // next-auth imports "next/server" without an extension, which Node's ESM resolver refuses;
          // inlined, Vite resolves it (route handlers that take a session are tested as they are).
          server: { deps: { inline: ["next-auth"] } },
          // lib/env.ts validates the environment on first use (invitation links read APP_URL).
          env: {
            NODE_ENV: "test",
            AUTH_SECRET: "integration-tests-secret-0123456789abcdef",
            APP_URL: "http://localhost:3000",
            // Webhook receivers and media servers in tests listen on 127.0.0.1.
            WEBHOOK_ALLOW_PRIVATE: "true",
          },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
