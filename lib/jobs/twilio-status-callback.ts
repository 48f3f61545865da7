// Delivers a message's Twilio-style StatusCallbacks (lib/twilio-api/deliver-status-callback.ts), one
// round per callback, oldest first, until none is left; a failed one is retried at its time after a
// sleep here. One run at a time per message. Asked for after the status change commits
// (lib/messaging/status-callbacks.ts) and by the sweeper for callbacks left waiting.
// `makeTwilioStatusCallbackJob` takes the retry schedule and POST options, so tests can shorten them.
import { db } from "@/lib/db";
import { inngest } from "@/lib/events/client";
import { twilioStatusCallbackRequested } from "@/lib/events/messaging";
import { deliverStatusCallback, type CallbackOptions } from "@/lib/twilio-api/deliver-status-callback";

// Rounds per run before a fresh run takes over: memoised steps are replayed on every call.
const ROUNDS_PER_RUN = 25;

export function makeTwilioStatusCallbackJob(options: CallbackOptions = {}) {
  return inngest.createFunction(
    {
      id: "twilio-status-callback",
      name: "Twilio status callbacks",
      triggers: [twilioStatusCallbackRequested],
      concurrency: [{ limit: 1, key: "event.data.messageId" }],
      // For database errors only: a failed POST is recorded and retried on its own schedule.
      retries: 3,
    },
    async ({ event, step }) => {
      let posted = 0;
      let failed = 0;
      for (let round = 0; round < ROUNDS_PER_RUN; round++) {
        const result = await step.run(`round-${round}`, () => deliverStatusCallback(db, event.data.messageId, options));
        if (result.attempted) {
          if (result.ok) posted++;
          else if (result.gaveUp) failed++;
          continue;
        }
        if (!result.nextDueAt) return { posted, failed };
        await step.sleepUntil(`until-${round}`, result.nextDueAt);
      }
      await step.sendEvent("continue", twilioStatusCallbackRequested.create(event.data));
      return { posted, failed, continued: true };
    },
  );
}

export const twilioStatusCallbackJob = makeTwilioStatusCallbackJob();
