// Sends events after the data they announce is committed. A failed send is logged, not thrown: the
// rows are already durable and the messaging sweeper (lib/jobs/sweep-messages.ts) finds queued or
// due work whose event was lost, so a caller is never told "failed" about a message that was stored.
import { inngest } from "@/lib/jobs/client";

type Payload = Parameters<typeof inngest.send>[0];

export async function emitEvents(events: Payload): Promise<void> {
  if (Array.isArray(events) && events.length === 0) return;
  try {
    await inngest.send(events);
  } catch (error) {
    console.warn(`[jobs] events not sent (the sweeper will catch up): ${(error as Error).message}`);
  }
}
