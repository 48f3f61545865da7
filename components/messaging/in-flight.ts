// How often the message log and a message's page ask again while a message is on its way: receipts
// arrive within seconds, and a page left open should see them without a reload.
import type { MessageStatus } from "@/lib/generated/prisma/enums";
import { isFinal } from "@/lib/messaging/status";

export const IN_FLIGHT_REFRESH_MS = 1_500;

/** On its way: queued, being submitted or sent without a final receipt. Scheduled ones wait for their time. */
export function isInFlight(status: MessageStatus): boolean {
  return !isFinal(status) && status !== "SCHEDULED";
}
