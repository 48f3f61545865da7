// After any step of a run gets its final result, the function must be called again so the SDK can
// memoise it and find what comes next. This makes sure exactly one such "discovery" call is queued.
import { randomUUID } from "node:crypto";
import type { Ctx } from "../context.ts";
import type { Tx } from "../db.ts";
import type { RunRow } from "./run-row.ts";

export interface Lease {
  token: string;
}

/**
 * Queues the run's discovery call (the run row must be locked). While parallel steps are still
 * outstanding nothing is queued: the last of them to finish queues it. If a discovery call is
 * already queued it is made due now, and flagged to run again if it is in flight. With `lease`
 * the new row is leased to the caller, who calls it straight away instead of waiting for a claim.
 * Returns the id of a row leased that way.
 */
export async function queueDiscovery(tx: Tx, ctx: Ctx, run: RunRow, lease?: Lease): Promise<string | null> {
  const { t } = ctx.db;
  const outstanding = await tx.query(`SELECT 1 FROM ${t.queue} WHERE "runId" = $1 AND kind = 'CALL' AND "stepId" <> 'step' LIMIT 1`, [run.id]);
  if (outstanding.length > 0) return null;
  // A run in concurrency groups goes back through the claim, which enforces the limits fairly.
  const keep = lease && run.concurrencyKeys.length === 0;
  const [row] = await tx.query<{ id: string; inserted: boolean }>(
    `INSERT INTO ${t.queue} AS q (kind, "runId", "functionId", "stepId", "dueAt", "sortAt", "concurrencyKeys", "dedupeKey", "leaseToken", "leaseUntil")
     VALUES ('CALL', $1, $2, 'step', now(), now(), $3, $4, $5, CASE WHEN $5::text IS NULL THEN NULL ELSE now() + $6 * interval '1 millisecond' END)
     ON CONFLICT ("dedupeKey") DO UPDATE SET rerun = true, "dueAt" = LEAST(q."dueAt", now()), "sortAt" = LEAST(q."sortAt", now())
     RETURNING id, (xmax = 0) AS inserted`,
    [run.id, run.functionId, run.concurrencyKeys, `call:${run.id}:step`, keep ? lease.token : null, ctx.options.leaseMs],
  );
  if (keep && row?.inserted) return row.id;
  tx.afterCommit(() => ctx.wake());
  return null;
}

export const newLeaseToken = () => randomUUID();
