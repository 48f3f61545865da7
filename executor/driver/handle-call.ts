// A CALL row: load the run, call the function, record the outcome; then, if the run goes on
// with a discovery call leased to this worker, hand that back to be called straight away.
import type { Ctx } from "../context.ts";
import { ACTIVE_RUN, errorOf } from "../context.ts";
import { checkpointToken } from "../http/checkpoint.ts";
import { deleteItem, type QueueItem } from "../queue/item.ts";
import { callFunction, type CallOutcome } from "./call.ts";
import { commitCall } from "./commit.ts";
import { loadRunState, requestBody } from "./state.ts";

export async function handleCall(ctx: Ctx, item: QueueItem, signal: AbortSignal): Promise<QueueItem | null> {
  const state = await loadRunState(ctx, item.runId!);
  if (!state || !ACTIVE_RUN.has(state.status)) {
    await ctx.db.tx((tx) => deleteItem(tx, ctx, item));
    return null;
  }
  let fn = ctx.registry.get(state.functionId);
  if (!fn) {
    await ctx.registry.refresh();
    fn = ctx.registry.get(state.functionId);
  }
  const startedAt = new Date();
  ctx.stats.calls++;
  const checkpoint = ctx.options.checkpointing && item.stepId === "step" ? checkpointToken(item.id, item.leaseToken) : undefined;
  if (state.status === "QUEUED") {
    // Shown as running from its first call; a finish timeout counts from here.
    await ctx.db.query(`UPDATE ${ctx.db.t.run} SET status = 'RUNNING', "startedAt" = coalesce("startedAt", $2) WHERE id = $1 AND status = 'QUEUED'`, [state.id, startedAt]);
  }
  const outcome: CallOutcome = fn
    ? await callFunction(fn.url, item.stepId ?? "step", requestBody(state, item.attempt, fn.maxAttempts, checkpoint), {
        signingKey: ctx.options.signingKey,
        timeoutMs: ctx.options.callTimeoutMs,
        signal,
      })
    : { kind: "error", error: errorOf("Error", `function "${state.functionId}" is not registered (sync the app)`), retriable: true };
  // The lease was lost or the run cancelled while the call was in flight: its result is not ours to record.
  if (signal.aborted) return null;
  return commitCall(ctx, item, outcome, startedAt);
}
