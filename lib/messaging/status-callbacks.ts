// The announcement of StatusCallbacks: the rows are written by the status change itself
// (lib/messaging/message-history.ts applyStatusChanges, in the same statement), and once its
// transaction has committed this asks for one delivery run per message that got any
// (lib/jobs/twilio-status-callback.ts). A lost request only delays them: the sweeper
// (lib/jobs/sweep-status-callbacks.ts) finds callbacks left waiting.
import { emitEvents } from "@/lib/events/emit";
import { twilioStatusCallbackRequested } from "@/lib/events/messaging";
import type { MessageStatus } from "@/lib/generated/prisma/enums";

/** The statuses Twilio calls back for (we never report queued or sending ones). */
export const CALLBACK_STATUSES: ReadonlySet<MessageStatus> = new Set<MessageStatus>(["SENT", "DELIVERED", "UNDELIVERED", "FAILED"]);

export async function requestStatusCallbacks(messages: { orgId: string; messageId: string }[]): Promise<void> {
  const byMessage = new Map(messages.map((m) => [m.messageId, m]));
  await emitEvents([...byMessage.values()].map((m) => twilioStatusCallbackRequested.create(m)));
}
