// Events of the simulator carrier, each defined once with the SDK's eventType() and the zod schema of
// its data: the same object is a function's trigger (which types `event.data`) and what a sender
// creates, validated before it is sent (lib/events/emit.ts).
import { eventType } from "inngest";
import { z } from "zod";

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
