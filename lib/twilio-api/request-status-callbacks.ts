// The trigger of StatusCallback POSTs, poll-free: called with the messages a status change just moved
// (lib/messaging/message-history.ts applyStatusChanges, whose moved rows carry statusCallback), it
// sends one event per message that has a callback URL; the others cost nothing. The event may go out
// before the change commits: the job reads the status back and waits until it is visible.
import { emitEvents } from "@/lib/jobs/emit";
import { twilioStatusCallbackRequested } from "@/lib/jobs/events";
import type { MessageStatus } from "@/lib/generated/prisma/enums";

const CALLBACK_STATUSES = new Set<MessageStatus>(["SENT", "DELIVERED", "UNDELIVERED", "FAILED"]);

export async function requestStatusCallbacks(moved: { id: string; orgId: string; statusCallback?: string | null }[], status: MessageStatus) {
  if (!CALLBACK_STATUSES.has(status)) return;
  const to = status as "SENT" | "DELIVERED" | "UNDELIVERED" | "FAILED";
  await emitEvents(moved.filter((m) => m.statusCallback).map((m) => twilioStatusCallbackRequested.create({ orgId: m.orgId, messageId: m.id, status: to })));
}
