// A sender's dispatcher: rounds of lib/delivery/dispatch-round.ts until its queue is empty, one run
// at a time per sender (so its throughput holds), each round paced to the sender's messages/second.
// Messages waiting for a retry are woken by a `messages/scheduled` event at their time rather than by
// sleeping here, which would hold the sender's slot and keep new messages waiting.
import { db } from "@/lib/db";
import { inngest } from "@/lib/events/client";
import { messagesDispatchRequested, messagesScheduled } from "@/lib/events/messaging";
import { dispatchRound } from "@/lib/delivery/dispatch-round";

// Rounds per run before it hands over to a fresh run: a run's memoised steps are replayed on every
// call, so very long runs get slower.
const ROUNDS_PER_RUN = 25;

export const dispatchMessagesJob = inngest.createFunction(
  {
    id: "dispatch-messages",
    name: "Dispatch messages",
    triggers: [messagesDispatchRequested],
    concurrency: [{ limit: 1, key: "event.data.senderId" }],
    retries: 5,
  },
  async ({ event, step }) => {
    const { senderId, orgId } = event.data;
    let sent = 0;
    for (let round = 0; round < ROUNDS_PER_RUN; round++) {
      const result = await step.run(`round-${round}`, async () => {
        const outcome = await dispatchRound(db, senderId);
        // A round is at most one second's worth at the sender's throughput: the next one may not
        // submit before that second, counted from this round's submit, is over.
        const left = outcome.submittedAt === null ? 0 : outcome.submittedAt + (outcome.claimed / outcome.throughput) * 1_000 - Date.now();
        if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
        return outcome;
      });
      sent += result.sent;
      if (result.more) continue;
      if (result.nextDueAt) {
        await step.sendEvent("wake-for-retry", messagesScheduled.create({ orgId, senderId, sendAt: result.nextDueAt }));
      }
      return { sent, rounds: round + 1 };
    }
    await step.sendEvent("continue", messagesDispatchRequested.create({ orgId, senderId }));
    return { sent, rounds: ROUNDS_PER_RUN, continued: true };
  },
);
