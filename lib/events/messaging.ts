// Events of the message pipeline, each defined once with the SDK's eventType() and the zod schema of
// its data: the same object is a function's trigger (which types `event.data`) and what a sender
// creates, validated before it is sent (lib/events/emit.ts).
import { eventType } from "inngest";
import { z } from "zod";

/** A sender has queued messages: its dispatcher submits them (one run at a time per sender). */
export const messagesDispatchRequested = eventType("messages/dispatch.requested", {
  schema: z.object({ orgId: z.string(), senderId: z.string() }),
});

/** Messages were scheduled for `sendAt`: at that time they are queued and dispatched. */
export const messagesScheduled = eventType("messages/scheduled", {
  schema: z.object({ orgId: z.string(), senderId: z.string(), sendAt: z.iso.datetime() }),
});

/** An inbound text was stored (after any STOP/START/HELP handling): the inbox and workflows start here. */
export const messageReceived = eventType("messages/received", {
  schema: z.object({
    orgId: z.string(),
    messageId: z.string(),
    contactId: z.string(),
    senderId: z.string(),
    keyword: z.enum(["OPT_OUT", "OPT_IN", "HELP"]).nullable(),
    /** The org keyword rule the text matched (lib/keywords), which starts keyword-triggered workflows. */
    keywordRuleId: z.string().nullable().optional(),
  }),
});

/** A message has StatusCallbacks waiting (TwilioStatusCallback rows): they are POSTed, in order. */
export const twilioStatusCallbackRequested = eventType("twilio/status-callback.requested", {
  schema: z.object({ orgId: z.string(), messageId: z.string() }),
});
