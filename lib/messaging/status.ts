// The one place that says how a message's status may move. A late or duplicate carrier receipt must
// never move a message backwards (a "sent" after "delivered" is ignored), and final states stay final.
import type { MessageStatus } from "@/lib/generated/prisma/enums";

const FINAL = new Set<MessageStatus>(["DELIVERED", "UNDELIVERED", "FAILED", "RECEIVED", "CANCELED"]);

const ALLOWED: Record<MessageStatus, readonly MessageStatus[]> = {
  SCHEDULED: ["QUEUED", "CANCELED", "FAILED"],
  // Back to SCHEDULED: held, not yet sent (a paused campaign's messages, lib/campaigns/control-campaign.ts).
  QUEUED: ["SENDING", "FAILED", "CANCELED", "SCHEDULED"],
  // Back to QUEUED only when the carrier certainly refused it for now (throttled, queue full).
  SENDING: ["QUEUED", "SENT", "DELIVERED", "UNDELIVERED", "FAILED"],
  SENT: ["DELIVERED", "UNDELIVERED", "FAILED"],
  DELIVERED: [],
  UNDELIVERED: [],
  FAILED: [],
  RECEIVED: [],
  CANCELED: [],
};

export function canTransition(from: MessageStatus, to: MessageStatus): boolean {
  return ALLOWED[from].includes(to);
}

/** The statuses a message may be in for a move to `to` to apply (for `WHERE status IN (...)`). */
export function statusesBefore(to: MessageStatus): MessageStatus[] {
  return (Object.keys(ALLOWED) as MessageStatus[]).filter((from) => ALLOWED[from].includes(to));
}

export function isFinal(status: MessageStatus): boolean {
  return FINAL.has(status);
}

export const MESSAGE_STATUSES = Object.keys(ALLOWED) as MessageStatus[];

/** Why marketing queued before a STOP does not go: Twilio's code for the same refusal. */
export const OPTED_OUT_ERROR = { errorCode: "21610", errorMessage: "The recipient opted out (STOP) before this message was sent" } as const;
