// Incoming events against what runs are waiting for: step.waitForEvent (resolve the step with
// the event) and cancelOn (cancel the run). `event` in the expression is the run's own event,
// `async` the incoming one.
import type { Ctx, EventPayload } from "../context.ts";
import type { Tx } from "../db.ts";
import { matches } from "../expressions/evaluate.ts";
import { cancelRunById } from "../runs/finish.ts";
import { finalizeStep } from "../runs/resolve.ts";
import { lockRun } from "../runs/run-row.ts";

interface WaitRow {
  id: string;
  runId: string;
  kind: "WAIT" | "CANCEL";
  stepId: string | null;
  eventName: string;
  expression: string | null;
  expired: boolean;
  event: EventPayload | null;
}

export async function matchWaits(tx: Tx, ctx: Ctx, events: EventPayload[]) {
  if (events.length === 0) return;
  const { t } = ctx.db;
  const names = [...new Set(events.map((e) => e.name))];
  // Ordered by run so that concurrent ingestions lock runs in the same order.
  const waits = await tx.query<WaitRow & Record<string, unknown>>(
    `SELECT w.id, w."runId", w.kind, w."stepId", w."eventName", w.expression,
            (w."expiresAt" IS NOT NULL AND w."expiresAt" < now()) AS expired, r.events -> 0 AS event
     FROM ${t.wait} w JOIN ${t.run} r ON r.id = w."runId"
     WHERE w."eventName" = ANY($1::text[]) ORDER BY w."runId", w.id`,
    [names],
  );
  if (waits.length === 0) return;
  const used = new Set<string>();
  const cancelled = new Set<string>();
  for (const incoming of events) {
    for (const wait of waits) {
      if (wait.eventName !== incoming.name || wait.expired || used.has(wait.id) || cancelled.has(wait.runId)) continue;
      if (!matches(wait.expression, { event: wait.event, async: incoming })) continue;
      used.add(wait.id);
      if (wait.kind === "CANCEL") {
        if (await cancelRunById(tx, ctx, wait.runId, `cancelled by event ${incoming.name} (${incoming.id})`)) cancelled.add(wait.runId);
      } else {
        await resolveWait(tx, ctx, wait, incoming);
      }
    }
  }
}

async function resolveWait(tx: Tx, ctx: Ctx, wait: WaitRow, incoming: EventPayload) {
  const { t } = ctx.db;
  const run = await lockRun(tx, ctx, wait.runId);
  if (!run) return;
  const gone = await tx.count(`DELETE FROM ${t.wait} WHERE id = $1`, [wait.id]);
  if (gone === 0 || !wait.stepId) return;
  await finalizeStep(tx, ctx, run, wait.stepId, "WAITING", { data: incoming });
  // The timeout timer is moot; one being fired right now finds the step resolved and stops.
  await tx.query(`DELETE FROM ${t.queue} WHERE "dedupeKey" = $1 AND "leaseToken" IS NULL`, [`wait:${run.id}:${wait.stepId}`]);
}
