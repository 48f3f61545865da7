// POST /v1/checkpoint/:runId/async — async checkpointing, the SDK's default with an Inngest server:
// given ctx.fn_id and ctx.qi_id in a call, the SDK runs the function's steps one after another in
// that same request and reports each result here as it completes, instead of returning after every
// step and replaying the function on the next call. A checkpoint is accepted only while the call's
// queue row is still leased to the worker that made the call (qi_id carries row and lease); else
// 409, on which the SDK stops.
import type http from "node:http";
import type { Ctx } from "../context.ts";
import type { Op } from "../driver/call.ts";
import { stepKind, stepName } from "../driver/steps.ts";
import { authorized } from "./register.ts";
import { readJson, sendJson } from "./respond.ts";

/** The qi_id the executor puts in a call: the queue row and the lease it was called under. */
export const checkpointToken = (itemId: string, leaseToken: string) => `${itemId}:${leaseToken}`;

function startedAt(op: Op & { timing?: { a?: number } }): number | null {
  // The SDK's step timing starts with the start time in nanoseconds.
  const ns = op.timing?.a;
  return typeof ns === "number" && ns > 1e18 ? ns / 1e6 : null;
}

export async function handleCheckpoint(ctx: Ctx, req: http.IncomingMessage, res: http.ServerResponse, runId: string) {
  if (!authorized(ctx, req)) return sendJson(res, 401, { error: "Unauthorized: wrong or missing signing key" });
  const body = (await readJson(req, 16 * 1024 * 1024)) as { qi_id?: unknown; steps?: unknown };
  const [itemId, leaseToken] = String(body.qi_id ?? "").split(":");
  const ops = (Array.isArray(body.steps) ? body.steps : []) as Op[];
  const results = ops
    .filter((op) => op && typeof op.id === "string" && (op.op === "StepRun" || op.op === "Step"))
    .map((op) => ({ id: op.id, name: stepName(op), kind: stepKind(op), data: op.data ?? null, started: startedAt(op) }));
  if (!itemId || !/^\d+$/.test(itemId) || !leaseToken) return sendJson(res, 400, { error: "qi_id is missing or not one this executor issued" });
  const { t } = ctx.db;
  // The run's row first, as every other writer of a run takes it (lockRun): a step row's foreign key
  // share-locks the run, so taking the queue row first deadlocked against a cancel, which holds the
  // run and deletes the run's queue rows.
  const [row] = await ctx.db.tx(async (tx) => {
    await tx.query(`SELECT 1 FROM ${t.run} WHERE id = $1 FOR UPDATE`, [runId]);
    return tx.query<{ held: string }>(
      `WITH held AS (
         UPDATE ${t.queue} SET "leaseUntil" = now() + $4 * interval '1 millisecond' WHERE id = $1 AND "leaseToken" = $2 AND "runId" = $3 RETURNING id
       ), saved AS (
         INSERT INTO ${t.step} AS s ("runId", id, name, op, status, attempts, data, "startedAt", "endedAt", "completedAt")
         SELECT $3, x.id, x.name, x.kind, 'COMPLETED', 1, coalesce(x.data, 'null'::jsonb), coalesce(to_timestamp(x.started / 1000.0), now()), now(), clock_timestamp()
         FROM jsonb_to_recordset($5::jsonb) AS x(id text, name text, kind text, data jsonb, started float8)
         WHERE EXISTS (SELECT 1 FROM held)
         ON CONFLICT ("runId", id) DO UPDATE SET status = 'COMPLETED', attempts = s.attempts + 1, data = EXCLUDED.data, error = NULL,
           "endedAt" = EXCLUDED."endedAt", "completedAt" = EXCLUDED."completedAt"
         WHERE s."completedAt" IS NULL
         RETURNING 1
       )
       SELECT (SELECT count(*) FROM held) AS held, (SELECT count(*) FROM saved) AS saved`,
      [itemId, leaseToken, runId, ctx.options.leaseMs, JSON.stringify(results)],
    );
  });
  if (Number(row?.held ?? 0) === 0) return sendJson(res, 409, { error: "stale dispatch: this call's lease was lost or the run ended" });
  sendJson(res, 200, { ok: true });
}
