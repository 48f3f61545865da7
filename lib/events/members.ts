// Events of members and invitations, each defined once with the SDK's eventType() and the zod schema of
// its data: the same object is a function's trigger (which types `event.data`) and what a sender
// creates, validated before it is sent (lib/events/emit.ts).
import { eventType } from "inngest";
import { z } from "zod";

/** Purge expired invitations now (the daily schedule does it anyway). */
export const invitationsPurgeRequested = eventType("invitations/purge.requested", {
  schema: z.object({ graceDays: z.number().int().min(0).max(365).optional() }),
});
