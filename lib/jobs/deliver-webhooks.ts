// An endpoint's deliverer: rounds of lib/webhooks/deliver-round.ts until nothing is due, one run at a
// time per endpoint (so a message's events go out in order). Deliveries waiting for a retry are woken
// by a `webhooks/retry.due` event at their time rather than by sleeping here, which would hold the
// endpoint's slot for hours. `makeDeliverWebhooksJob` takes the schedule, so tests can shorten it.
import { db } from "@/lib/db";
import { inngest } from "@/lib/events/client";
import { webhooksDeliverRequested, webhooksRetryDue } from "@/lib/events/webhooks";
import { deliverRound, type DeliveryOptions } from "@/lib/webhooks/deliver-round";

// Rounds per run before a fresh run takes over: memoised steps are replayed on every call.
const ROUNDS_PER_RUN = 25;

export function makeDeliverWebhooksJob(options: DeliveryOptions = {}) {
  return inngest.createFunction(
    {
      id: "deliver-webhooks",
      name: "Deliver webhooks",
      triggers: [webhooksDeliverRequested],
      concurrency: [{ limit: 1, key: "event.data.endpointId" }],
      retries: 5,
    },
    async ({ event, step }) => {
      const { endpointId } = event.data;
      let attempted = 0;
      for (let round = 0; round < ROUNDS_PER_RUN; round++) {
        const result = await step.run(`round-${round}`, () => deliverRound(db, endpointId, options));
        attempted += result.attempted;
        if (result.attempted > 0) continue;
        if (result.nextDueAt) await step.sendEvent("wake-for-retry", webhooksRetryDue.create({ endpointId, at: result.nextDueAt }));
        return { attempted, rounds: round + 1 };
      }
      await step.sendEvent("continue", webhooksDeliverRequested.create({ endpointId }));
      return { attempted, rounds: ROUNDS_PER_RUN, continued: true };
    },
  );
}

export const deliverWebhooksJob = makeDeliverWebhooksJob();
