// The safety net under StatusCallbacks, every minute: messages whose next callback has waited past
// its time with no run taking it get a delivery request (emitting is best effort, and a run can die).
import { db } from "@/lib/db";
import { inngest } from "@/lib/events/client";
import { twilioStatusCallbackRequested } from "@/lib/events/messaging";
import { messagesWithDueStatusCallbacks } from "@/lib/twilio-api/due-status-callbacks";

export const sweepStatusCallbacksJob = inngest.createFunction(
  { id: "sweep-status-callbacks", name: "Sweep Twilio status callbacks", triggers: [{ cron: "* * * * *" }] },
  async ({ step }) => {
    const messages = await step.run("find-due", () => messagesWithDueStatusCallbacks(db));
    if (messages.length > 0) {
      await step.sendEvent("deliver", messages.map((m) => twilioStatusCallbackRequested.create(m)));
    }
    return { messages: messages.length };
  },
);
