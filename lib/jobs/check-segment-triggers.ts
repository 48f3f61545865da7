import { db } from "@/lib/db";
import { inngest } from "@/lib/events/client";
import { checkSegmentTriggers } from "@/lib/workflows/check-segment-triggers";

// Every 5 minutes, one at a time: who entered the segments that workflows wait for (lib/workflows/check-segment-triggers.ts).
export const checkSegmentTriggersJob = inngest.createFunction(
  { id: "check-segment-triggers", name: "Workflows: contacts who entered a segment", triggers: [{ cron: "*/5 * * * *" }], concurrency: { limit: 1 } },
  async ({ step }) => step.run("check", () => checkSegmentTriggers(db)),
);
