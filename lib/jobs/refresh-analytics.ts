// The dashboard's daily rollup kept current: once a minute, the days touched since the last run are
// counted again (lib/analytics/refresh-message-rollup.ts).
import { refreshMessageRollup } from "@/lib/analytics/refresh-message-rollup";
import { db } from "@/lib/db";
import { inngest } from "@/lib/events/client";

export const refreshAnalyticsJob = inngest.createFunction(
  { id: "refresh-analytics", name: "Dashboard rollup", triggers: [{ cron: "* * * * *" }], concurrency: { limit: 1 } },
  async ({ step }) => step.run("refresh", () => refreshMessageRollup(db)),
);
