// A campaign from its start to its end: wait for the start, resolve the audience
// (lib/campaigns/start-campaign.ts), then make the messages chunk by chunk (fan-out-chunk.ts: each
// chunk one transaction, exactly once whatever is retried or runs twice; PARALLEL_CHUNKS steps at
// once, each making chunks for up to STEP_BUDGET_MS), sleeping while the queue
// is a minute ahead of the senders or the next recipient is not due, and once all are made, check
// every SETTLE_EVERY until the campaign is complete. A test then winner's fan-out first makes the test
// share's messages (the rest have no send time yet), then sleeps until its decision time, decides
// (lib/campaigns/decide-winner.ts, idempotent) and goes on with the rest, who now are due. Where it is lives in the database, so a run
// that ends (paused, canceled, or after MAX_STEPS steps, when it hands over to a fresh run to keep
// its history small) is continued by any later one. `makeFanOutCampaignJob` takes test hooks.
import { campaignJobContext } from "@/lib/campaigns/campaign-job-context";
import { completeIfSettled } from "@/lib/campaigns/complete-campaign";
import { decideWinner } from "@/lib/campaigns/decide-winner";
import { fanOutChunks, type ChunkOptions } from "@/lib/campaigns/fan-out-chunk";
import { startCampaign } from "@/lib/campaigns/start-campaign";
import { inngest } from "@/lib/events/client";
import { campaignFanOutRequested } from "@/lib/events/campaigns";

// Rounds before a run hands over (each round PARALLEL_CHUNKS steps and maybe a sleep): the SDK replays its history on each call.
const MAX_STEPS = 150;
/** Chunks made at once: one leaves the database idle between its statements (measured: npm run bench:campaign). */
const PARALLEL_CHUNKS = 2;
/** A step's chunks, one after another: a step a chunk spent as long on the executor's round trips as on the chunks (bench:campaign). */
const STEP_BUDGET_MS = 10_000;
const SETTLE_EVERY = "30s";

export interface FanOutOptions extends ChunkOptions {
  maxSteps?: number;
  parallel?: number;
  /** How long a step goes on making chunks (0: one chunk a step). */
  stepBudgetMs?: number;
  settleEvery?: string;
  /** Tests: runs in the step after its chunks have committed. */
  afterChunk?: (chunk: number) => Promise<void> | void;
  /** Tests: runs in the decision's step after it has committed. */
  afterDecide?: () => Promise<void> | void;
}

export function makeFanOutCampaignJob(options: FanOutOptions = {}) {
  const maxSteps = options.maxSteps ?? MAX_STEPS;
  const parallel = options.parallel ?? PARALLEL_CHUNKS;
  const budgetMs = options.stepBudgetMs ?? STEP_BUDGET_MS;
  return inngest.createFunction(
    {
      id: "fan-out-campaign",
      name: "Send a campaign",
      triggers: [campaignFanOutRequested],
      concurrency: [{ limit: 1, key: "event.data.campaignId" }],
      retries: 10,
    },
    async ({ event, step }) => {
      const { orgId, campaignId, startAt } = event.data;
      const ctx = campaignJobContext(orgId);
      if (startAt && new Date(startAt).getTime() > Date.now()) await step.sleepUntil("until-start", startAt);
      const { go } = await step.run("start", () => startCampaign(ctx, campaignId, startAt));
      if (!go) return { ended: "not due" };
      let created = 0;
      for (let i = 0; i < maxSteps; i++) {
        // Parallel steps, each its own transaction over recipients the others skip (SKIP LOCKED).
        const outcomes = await Promise.all(
          Array.from({ length: parallel }, (_, k) =>
            step.run(`chunk-${i}-${k}`, async () => {
              const result = await fanOutChunks(ctx, campaignId, budgetMs, options);
              await options.afterChunk?.(i * parallel + k);
              return result;
            }),
          ),
        );
        if (outcomes.some((o) => o.kind === "stopped")) return { ended: "not sending", created };
        const made = outcomes.reduce((sum, o) => sum + (o.kind === "created" ? o.created : 0), 0);
        created += made;
        // Recipients skipped (opted out since the start) are progress too: only a round that did nothing waits.
        if (outcomes.some((o) => o.kind === "created")) continue;
        const waits = outcomes.flatMap((o) => (o.kind === "wait" ? [o.until] : [])).sort();
        // A chunk that found the others' recipients locked waits too: all must say fanned out.
        if (waits.length) await step.sleepUntil(`wait-${i}`, waits[0]!);
        else {
          const decided = await step.run(`decide-${i}`, async () => {
            const outcome = await decideWinner(ctx, campaignId);
            await options.afterDecide?.();
            return outcome;
          });
          if (decided.kind === "stopped") return { ended: "not sending", created };
          if (decided.kind === "wait") {
            await step.sleepUntil(`until-decision-${i}`, decided.until);
            continue;
          }
          // The rest are due now: make their messages (a step retried after its commit says 0 and settles first).
          if (decided.kind === "decided" && decided.released > 0) continue;
          const { completed } = await step.run(`settle-${i}`, () => completeIfSettled(ctx, campaignId));
          if (completed) return { ended: "completed", created };
          await step.sleep(`settle-wait-${i}`, options.settleEvery ?? SETTLE_EVERY);
        }
      }
      await step.sendEvent("continue", campaignFanOutRequested.create({ orgId, campaignId }));
      return { ended: "handed over", created };
    },
  );
}

export const fanOutCampaignJob = makeFanOutCampaignJob();
