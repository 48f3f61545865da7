// The safety net under event-driven delivery, every minute: endpoints with due pending deliveries get
// a deliver request, in case theirs was lost (emitting after commit is best effort, and a process can
// stop between a commit and its announcement).
import { db } from "@/lib/db";
import { inngest } from "@/lib/events/client";
import { webhooksDeliverRequested } from "@/lib/events/webhooks";
import { endpointsWithDueDeliveries } from "@/lib/webhooks/due-endpoints";

export const sweepWebhooksJob = inngest.createFunction(
  { id: "sweep-webhooks", name: "Sweep webhook deliveries", triggers: [{ cron: "* * * * *" }] },
  async ({ step }) => {
    const endpointIds = await step.run("find-due", () => endpointsWithDueDeliveries(db));
    if (endpointIds.length > 0) {
      await step.sendEvent("deliver", endpointIds.map((endpointId) => webhooksDeliverRequested.create({ endpointId })));
    }
    return { endpoints: endpointIds.length };
  },
);
