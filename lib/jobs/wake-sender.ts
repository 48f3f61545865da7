// At a scheduled time (a message's send_at, or a retry's time) queue the sender's due scheduled
// messages and start its dispatcher. Cancelled messages are simply no longer `scheduled` by then.
import { db } from "@/lib/db";
import { inngest } from "@/lib/events/client";
import { messagesDispatchRequested, messagesScheduled } from "@/lib/events/messaging";
import { queueDueScheduled } from "@/lib/messaging/queue-scheduled";

export const wakeSenderJob = inngest.createFunction(
  { id: "wake-sender", name: "Send scheduled messages", triggers: [messagesScheduled] },
  async ({ event, step }) => {
    const { orgId, senderId, sendAt } = event.data;
    if (new Date(sendAt).getTime() > Date.now()) await step.sleepUntil("until-send-time", sendAt);
    const queued = await step.run("queue-due", () => queueDueScheduled(db, senderId));
    await step.sendEvent("dispatch", messagesDispatchRequested.create({ orgId, senderId }));
    return { queued };
  },
);
