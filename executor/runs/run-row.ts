// The run row as the executor reads it, locked for the duration of a transaction. Every change
// to a run (a step result, a wait resolving, a cancel) takes this lock first, so changes to one run
// are serialised; queue rows are always locked after their run, never before.
import type { Ctx, EventPayload } from "../context.ts";
import type { Tx } from "../db.ts";

export interface RunRow {
  id: string;
  functionId: string;
  status: string;
  events: EventPayload[];
  concurrencyKeys: string[];
  parentRunId: string | null;
  parentStepId: string | null;
  version: number;
  disableImmediate: boolean;
  startedAt: Date | null;
}

export const RUN_COLUMNS = `id, "functionId", status, events, coalesce("concurrencyKeys", '{}') AS "concurrencyKeys", "parentRunId", "parentStepId", version, "disableImmediate", "startedAt"`;

export async function lockRun(tx: Tx, ctx: Ctx, runId: string): Promise<RunRow | null> {
  const [run] = await tx.query<RunRow & Record<string, unknown>>(`SELECT ${RUN_COLUMNS} FROM ${ctx.db.t.run} WHERE id = $1 FOR UPDATE`, [runId]);
  return run ?? null;
}
