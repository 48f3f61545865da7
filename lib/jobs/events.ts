// Every event the app sends or handles, each defined once with the SDK's eventType() and the zod
// schema of its data. The same object is a function's trigger (which types `event.data`) and what
// a sender creates, validated before it is sent:
//   await inngest.send(invitationsPurgeRequested.create({}));
import { eventType } from "inngest";
import { z } from "zod";

/** Purge expired invitations now (the daily schedule does it anyway). */
export const invitationsPurgeRequested = eventType("invitations/purge.requested", {
  schema: z.object({ graceDays: z.number().int().min(0).max(365).optional() }),
});

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
  }),
});

/** The simulator accepted messages: their receipts are due at `dueAt`. */
export const simulatorReceiptsDue = eventType("simulator/receipts.due", {
  schema: z.object({
    connectionId: z.string(),
    dueAt: z.iso.datetime(),
    receipts: z.array(
      z.object({
        carrierMessageId: z.string(),
        status: z.enum(["SENT", "DELIVERED", "UNDELIVERED", "FAILED"]),
        errorCode: z.string().optional(),
        errorMessage: z.string().optional(),
      }),
    ),
  }),
});

/** An endpoint has due webhook deliveries: its deliverer sends them (one run at a time per endpoint). */
export const webhooksDeliverRequested = eventType("webhooks/deliver.requested", {
  schema: z.object({ endpointId: z.string() }),
});

/** An endpoint's failed deliveries are due for a retry at `at`: its deliverer is woken then. */
export const webhooksRetryDue = eventType("webhooks/retry.due", {
  schema: z.object({ endpointId: z.string(), at: z.iso.datetime() }),
});

/** A message has StatusCallbacks waiting (TwilioStatusCallback rows): they are POSTed, in order. */
export const twilioStatusCallbackRequested = eventType("twilio/status-callback.requested", {
  schema: z.object({ orgId: z.string(), messageId: z.string() }),
});
