// Sends events after the data they announce is committed. A failed send is logged, not thrown: the
// rows are already durable and the messaging sweeper (lib/jobs/sweep-messages.ts) finds queued or
// due work whose event was lost, so a caller is never told "failed" about a message that was stored.
import { inngest } from "@/lib/jobs/client";

type Payload = Parameters<typeof inngest.send>[0];

// A missing or unreachable Inngest server fails every send: say so once a minute, not per message.
const WARN_EVERY_MS = 60_000;
let lastWarning = 0;

export async function emitEvents(events: Payload): Promise<void> {
  if (Array.isArray(events) && events.length === 0) return;
  try {
    await inngest.send(events);
  } catch (error) {
    if (Date.now() - lastWarning < WARN_EVERY_MS) return;
    lastWarning = Date.now();
    console.warn(`[jobs] events not sent (queued messages wait for the sweeper): ${(error as Error).message}`);
  }
}
