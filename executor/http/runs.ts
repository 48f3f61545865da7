// Run endpoints. For the app: cancel a run, replay an ended one. For the SDK: the run's events and
// step results when a call body was too large to send (ctx.use_api; this executor never trims,
// but answers as Inngest does).
import type http from "node:http";
import type { Ctx, EventPayload } from "../context.ts";
import { ACTIVE_RUN } from "../context.ts";
import { createRun } from "../runs/create.ts";
import { cancelRun } from "../runs/finish.ts";
import { lockRun } from "../runs/run-row.ts";
import { loadRunState } from "../driver/state.ts";
import { sendJson } from "./respond.ts";

export async function handleCancel(ctx: Ctx, res: http.ServerResponse, runId: string) {
  const result = await ctx.db.tx(async (tx) => {
    const run = await lockRun(tx, ctx, runId);
    if (!run) return { status: 404, body: { error: `run ${runId} not found` } };
    if (!ACTIVE_RUN.has(run.status)) return { status: 409, body: { error: `run ${runId} has already ended (${run.status})`, status: run.status } };
    await cancelRun(tx, ctx, run, "cancelled on request");
    return { status: 200, body: { ok: true, runId, status: "CANCELLED" } };
  });
  sendJson(res, result.status, result.body);
}

export async function handleReplay(ctx: Ctx, res: http.ServerResponse, runId: string) {
  const result = await ctx.db.tx(async (tx) => {
    const [run] = await tx.query<{ functionId: string; status: string; events: EventPayload[]; eventIds: string[] }>(
      `SELECT "functionId", status, events, "eventIds" FROM ${ctx.db.t.run} WHERE id = $1`,
      [runId],
    );
    if (!run) return { status: 404, body: { error: `run ${runId} not found` } };
    if (ACTIVE_RUN.has(run.status)) return { status: 409, body: { error: `run ${runId} is still ${run.status}; only an ended run can be replayed` } };
    const fn = ctx.registry.get(run.functionId);
    if (!fn) return { status: 409, body: { error: `function ${run.functionId} is no longer registered` } };
    const newRunId = await createRun(tx, ctx, { fn, events: run.events, eventIds: run.eventIds, replayOfId: runId });
    return { status: 200, body: { ok: true, runId: newRunId, replayOf: runId } };
  });
  sendJson(res, result.status, result.body);
}

export async function handleRunData(ctx: Ctx, res: http.ServerResponse, runId: string, what: "batch" | "actions") {
  const state = await loadRunState(ctx, runId);
  if (!state) return sendJson(res, 404, { error: `run ${runId} not found`, status: 404 });
  if (what === "batch") return sendJson(res, 200, state.events);
  sendJson(res, 200, Object.fromEntries(state.memo.map(([id, data, error]) => [id, error ? { error } : { data }])));
}
