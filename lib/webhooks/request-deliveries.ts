// After the deliveries are committed (enqueue-webhook-events.ts registers it with afterCommit, and
// replays and re-enabled endpoints call it after their own commit): one `webhooks/deliver.requested` per endpoint. A lost event
// only delays them: the webhook sweeper (lib/jobs/sweep-webhooks.ts) finds due deliveries every minute.
import { emitEvents } from "@/lib/events/emit";
import { webhooksDeliverRequested } from "@/lib/events/webhooks";

export async function requestWebhookDeliveries(endpointIds: Iterable<string>): Promise<void> {
  await emitEvents([...new Set(endpointIds)].map((endpointId) => webhooksDeliverRequested.create({ endpointId })));
}
