// Events of webhook deliveries, each defined once with the SDK's eventType() and the zod schema of
// its data: the same object is a function's trigger (which types `event.data`) and what a sender
// creates, validated before it is sent (lib/events/emit.ts).
import { eventType } from "inngest";
import { z } from "zod";

/** An endpoint has due webhook deliveries: its deliverer sends them (one run at a time per endpoint). */
export const webhooksDeliverRequested = eventType("webhooks/deliver.requested", {
  schema: z.object({ endpointId: z.string() }),
});

/** An endpoint's failed deliveries are due for a retry at `at`: its deliverer is woken then. */
export const webhooksRetryDue = eventType("webhooks/retry.due", {
  schema: z.object({ endpointId: z.string(), at: z.iso.datetime() }),
});
