// What a call sends: the run's events and every step result so far, in the order they completed
// (the SDK replays the function, memoising those steps, to reach the next one).
import type { Ctx } from "../context.ts";
import { RUN_COLUMNS, type RunRow } from "../runs/run-row.ts";

export interface RunState extends RunRow {
  /** [hashed step id, data, error] of every finished step, in completion order. */
  memo: [string, unknown, unknown][];
}

export async function loadRunState(ctx: Ctx, runId: string): Promise<RunState | null> {
  const { t } = ctx.db;
  const [row] = await ctx.db.query<RunState & Record<string, unknown>>(
    `SELECT ${RUN_COLUMNS},
       (SELECT coalesce(json_agg(json_build_array(s.id, s.data, s.error) ORDER BY s."completedAt", s.id), '[]'::json)
        FROM ${t.step} s WHERE s."runId" = r.id AND s."completedAt" IS NOT NULL) AS memo
     FROM ${t.run} r WHERE r.id = $1`,
    [runId],
  );
  return row ?? null;
}

/** `checkpoint` (qi_id) lets the SDK run several steps in this call, reporting each one back. */
export function requestBody(state: RunState, attempt: number, maxAttempts: number, checkpoint?: string) {
  const steps: Record<string, { data: unknown } | { error: unknown }> = {};
  const stack: string[] = [];
  for (const [id, data, error] of state.memo) {
    steps[id] = error ? { error } : { data: data ?? null };
    stack.push(id);
  }
  return {
    event: state.events[0] ?? {},
    events: state.events,
    steps,
    ctx: {
      run_id: state.id,
      attempt,
      max_attempts: maxAttempts,
      disable_immediate_execution: state.disableImmediate,
      use_api: false,
      stack: { stack, current: stack.length },
      ...(checkpoint ? { fn_id: state.functionId, qi_id: checkpoint } : {}),
    },
    version: state.version,
  };
}
