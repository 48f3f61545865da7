// singleton: at most one queued or running run per function and key. "skip" drops the new run;
// "cancel" cancels the running one in favour of the new.
import type { Ctx, EventPayload } from "../context.ts";
import type { Tx } from "../db.ts";
import type { FunctionDef } from "../functions/config.ts";
import { cancelRunById } from "../runs/finish.ts";
import { flowKey } from "./keys.ts";

/** The run's singleton key, or null when a run with the same key must be skipped. */
export async function singletonGate(tx: Tx, ctx: Ctx, fn: FunctionDef, event: EventPayload): Promise<{ key?: string } | null> {
  if (!fn.singleton) return {};
  const key = flowKey(fn.singleton.key, event);
  await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`singleton|${fn.id}|${key}`]);
  const active = await tx.query<{ id: string }>(
    `SELECT id FROM ${ctx.db.t.run} WHERE "functionId" = $1 AND "singletonKey" = $2 AND status IN ('QUEUED', 'RUNNING')`,
    [fn.id, key],
  );
  if (active.length === 0) return { key };
  if (fn.singleton.mode === "skip") return null;
  for (const run of active) await cancelRunById(tx, ctx, run.id, "replaced by a newer run (singleton)");
  return { key };
}
