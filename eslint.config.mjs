import next from "eslint-config-next/core-web-vitals";
import ts from "eslint-config-next/typescript";

// The only files whose raw SQL may cross orgs (systemSql / systemSqlTransaction, lib/db/sql.ts): the
// dispatcher, carrier receipts, the sweepers and their due-work lookups, the API key lookup that
// finds which org a request acts for, a short link's lookup by its code (a click, the same), rate-limit buckets. Everything else acting for an org uses
// orgSql(ctx), whose statements must bind ctx.orgId. Adding a file here is a decision to review.
export const SYSTEM_SQL_FILES = [
  "lib/analytics/refresh-message-rollup.ts",
  "lib/api-keys/verify-api-key.ts",
  "lib/delivery/dispatch-round.ts",
  "lib/jobs/wake-snoozed-conversations.ts",
  "lib/links/record-click.ts",
  "lib/messaging/postgres-zones.ts",
  "lib/messaging/queue-scheduled.ts",
  "lib/messaging/record-receipt.ts",
  "lib/messaging/sweep-messages.ts",
  "lib/rate-limit/rate-limit.ts",
  "lib/realtime/prune-live-events.ts",
  "lib/simulator/recover-receipts.ts",
  "lib/twilio-api/deliver-status-callback.ts",
  "lib/twilio-api/due-status-callbacks.ts",
  "lib/webhooks/deliver-round.ts",
  "lib/webhooks/due-endpoints.ts",
  "lib/workflows/trigger-check-workflows.ts",
];

const config = [
  { ignores: ["lib/generated/**", ".next/**", ".data/**", "node_modules/**", "test-results/**", "playwright-report/**"] },
  ...next,
  ...ts,
  {
    files: ["lib/**", "app/**", "components/**", "executor/**", "proxy.ts", "instrumentation.ts"],
    ignores: SYSTEM_SQL_FILES,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@/lib/db/sql",
              importNames: ["systemSql", "systemSqlTransaction"],
              message: "Raw SQL that crosses orgs is for the system paths listed in eslint.config.mjs (SYSTEM_SQL_FILES); code acting for an org uses orgSql(ctx) / orgSqlTransaction(ctx, ...).",
            },
          ],
        },
      ],
    },
  },
];

export default config;
