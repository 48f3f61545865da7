// Delivers Twilio-style StatusCallback POSTs (lib/twilio-api/status-callback.ts) with retries: the
// status is read back first (retried until the change that asked for the callback is committed),
// then POSTed; a failed POST is retried on the executor's backoff. One run at a time per message, so
// "sent" reaches the receiver before "delivered".
import { db } from "@/lib/db";
import { inngest } from "@/lib/jobs/client";
import { twilioStatusCallbackRequested } from "@/lib/jobs/events";
import { postStatusCallback, statusCallbackFor } from "@/lib/twilio-api/status-callback";
import type { PostOptions } from "@/lib/webhooks/post-webhook";

export function makeTwilioStatusCallbackJob(options: PostOptions = {}) {
  return inngest.createFunction(
    {
      id: "twilio-status-callback",
      name: "Twilio status callback",
      triggers: [twilioStatusCallbackRequested],
      concurrency: [{ limit: 1, key: "event.data.messageId" }],
      retries: 8,
    },
    async ({ event, step }) => {
      const callback = await step.run("read-status", () => statusCallbackFor(db, event.data));
      if (!callback) return { posted: false };
      const result = await step.run("post", async () => {
        const attempt = await postStatusCallback(callback, options);
        if (!attempt.ok) throw new Error(`StatusCallback ${callback.url} failed: ${attempt.error}`);
        return { status: attempt.status };
      });
      return { posted: true, ...result };
    },
  );
}

export const twilioStatusCallbackJob = makeTwilioStatusCallbackJob();
