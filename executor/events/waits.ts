// Incoming events against what runs are waiting for: step.waitForEvent (resolve the step with
// the event) and cancelOn (cancel the run). `event` in the expression is the run's own event,
// `async` the incoming one.
import type { Ctx, EventPayload } from "../context.ts";
import type { Tx } from "../db.ts";
import { matches } from "../expressions/evaluate.ts";
import { cancelRunById } from "../runs/finish.ts";
import { finalizeStep } from "../runs/resolve.ts";
import { lockRun } from "../runs/run-row.ts";
import { incomingValue } from "./wait-key.ts";

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
  const waits = await candidateWaits(tx, ctx, events);
  ctx.stats.waitsLoaded += waits.length;
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

/**
 * The waits the events could match: those without an index key, and those whose key the events
 * satisfy (wait-key.ts), never every wait of the name; thousands of runs waiting for replies from
 * their own contacts cost an incoming message one index probe each. Ordered by run so that
 * concurrent ingestions lock runs in the same order.
 */
async function candidateWaits(tx: Tx, ctx: Ctx, events: EventPayload[]): Promise<WaitRow[]> {
  const { t } = ctx.db;
  const names = [...new Set(events.map((e) => e.name))];
  // The distinct key paths stored per name, by a loose index scan: one probe per path, not per wait.
  // Keys are deduplicated and a wait has a key or none, so the UNION ALL below has no duplicates.
  const paths = await tx.query<{ name: string; path: string }>(
    `SELECT n.name, p.path FROM unnest($1::text[]) AS n(name) CROSS JOIN LATERAL (
       WITH RECURSIVE p(path) AS (
         (SELECT "matchPath" FROM ${t.wait} WHERE "eventName" = n.name AND "matchPath" IS NOT NULL ORDER BY "matchPath" LIMIT 1)
         UNION ALL
         SELECT (SELECT "matchPath" FROM ${t.wait} WHERE "eventName" = n.name AND "matchPath" > p.path ORDER BY "matchPath" LIMIT 1)
         FROM p WHERE p.path IS NOT NULL
       ) SELECT path FROM p WHERE path IS NOT NULL
     ) p`,
    [names],
  );
  const keys = new Map<string, [string, string, string]>();
  for (const event of events) {
    for (const { name, path } of paths) {
      if (name !== event.name) continue;
      const value = incomingValue(event, path);
      if (value !== null) keys.set(JSON.stringify([name, path, value]), [name, path, value]);
    }
  }
  const columns = [...keys.values()];
  return tx.query<WaitRow & Record<string, unknown>>(
    `SELECT w.id, w."runId", w.kind, w."stepId", w."eventName", w.expression,
            (w."expiresAt" IS NOT NULL AND w."expiresAt" < now()) AS expired, r.events -> 0 AS event
     FROM (
       SELECT * FROM ${t.wait} WHERE "eventName" = ANY($1::text[]) AND "matchPath" IS NULL
       UNION ALL
       SELECT w.* FROM unnest($2::text[], $3::text[], $4::text[]) AS k(name, path, value)
         JOIN ${t.wait} w ON w."eventName" = k.name AND w."matchPath" = k.path AND w."matchValue" = k.value
     ) w JOIN ${t.run} r ON r.id = w."runId"
     ORDER BY w."runId", w.id`,
    [names, columns.map((c) => c[0]), columns.map((c) => c[1]), columns.map((c) => c[2])],
  );
}
