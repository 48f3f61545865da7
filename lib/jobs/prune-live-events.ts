import { db } from "@/lib/db";
import { inngest } from "@/lib/events/client";
import { pruneLiveEvents } from "@/lib/realtime/prune-live-events";

export const pruneLiveEventsJob = inngest.createFunction(
  { id: "prune-live-events", name: "Prune live events older than an hour", triggers: [{ cron: "*/10 * * * *" }], concurrency: { limit: 1 } },
  async ({ step }) => step.run("prune", () => pruneLiveEvents(db)),
);
