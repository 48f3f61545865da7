import { db } from "@/lib/db";
import { inngest } from "@/lib/events/client";
import { checkAnniversaryTriggers } from "@/lib/workflows/check-anniversary-triggers";

// Every 15 minutes, one at a time: date fields' anniversaries whose local time has come (lib/workflows/check-anniversary-triggers.ts).
export const checkAnniversaryTriggersJob = inngest.createFunction(
  { id: "check-anniversary-triggers", name: "Workflows: date anniversaries due", triggers: [{ cron: "*/15 * * * *" }], concurrency: { limit: 1 } },
  async ({ step }) => step.run("check", () => checkAnniversaryTriggers(db)),
);
