// At a retry's time, start the endpoint's deliverer again. Runs asking for the same endpoint and time
// are one run (idempotency), so a busy endpoint does not pile up sleepers.
import { inngest } from "@/lib/events/client";
import { webhooksDeliverRequested, webhooksRetryDue } from "@/lib/events/webhooks";

export const wakeWebhooksJob = inngest.createFunction(
  {
    id: "wake-webhooks",
    name: "Retry webhook deliveries",
    triggers: [webhooksRetryDue],
    idempotency: "event.data.endpointId + '|' + event.data.at",
  },
  async ({ event, step }) => {
    const { endpointId, at } = event.data;
    if (new Date(at).getTime() > Date.now()) await step.sleepUntil("until-retry-time", at);
    await step.sendEvent("deliver", webhooksDeliverRequested.create({ endpointId }));
  },
);
