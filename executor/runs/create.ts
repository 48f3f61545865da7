// Starting a run: the run row, its first call (delayed by throttle, ordered by priority), its
// cancelOn watches and its start timeout. Flow control that decides whether a run starts at all
// (rate limit, idempotency, batching, debounce, singleton) happens before, in flow/.
import { newId } from "../../lib/ids.ts";
import type { Ctx, EventPayload } from "../context.ts";
import type { Tx } from "../db.ts";
import { waitKey } from "../events/wait-key.ts";
import type { FunctionDef } from "../functions/config.ts";
import { concurrencyKeys, runPriority } from "../flow/keys.ts";

export interface NewRun {
  fn: FunctionDef;
  events: EventPayload[];
  eventIds: string[];
  id?: string;
  parent?: { runId: string; stepId: string };
  replayOfId?: string;
  /** Milliseconds before the first call may happen (throttle). */
  delayMs?: number;
  singletonKey?: string;
}

export async function createRun(tx: Tx, ctx: Ctx, run: NewRun): Promise<string> {
  const { t } = ctx.db;
  const id = run.id ?? newId("run");
  const event = run.events[0];
  const keys = concurrencyKeys(run.fn, event);
  const delay = Math.max(0, Math.round(run.delayMs ?? 0));
  await tx.query(
    `INSERT INTO ${t.run} (id, "functionId", status, "eventIds", events, "concurrencyKeys", "singletonKey", "parentRunId", "parentStepId", "replayOfId")
     VALUES ($1, $2, 'QUEUED', $3, $4, $5, $6, $7, $8, $9)`,
    [id, run.fn.id, run.eventIds, JSON.stringify(run.events), keys, run.singletonKey ?? null, run.parent?.runId ?? null, run.parent?.stepId ?? null, run.replayOfId ?? null],
  );
  await tx.query(
    `INSERT INTO ${t.queue} (kind, "runId", "functionId", "stepId", "dueAt", "sortAt", "concurrencyKeys", "dedupeKey")
     VALUES ('CALL', $1, $2, 'step', now() + $3 * interval '1 millisecond', now() + $4 * interval '1 millisecond', $5, $6)`,
    [id, run.fn.id, delay, delay - runPriority(run.fn, event) * 1000, keys, `call:${id}:step`],
  );
  for (const cancel of run.fn.cancel) {
    const key = waitKey(cancel.if, event);
    await tx.query(
      `INSERT INTO ${t.wait} ("runId", kind, "eventName", expression, "expiresAt", "matchPath", "matchValue")
       VALUES ($1, 'CANCEL', $2, $3, CASE WHEN $4::float8 IS NULL THEN NULL ELSE now() + $4::float8 * interval '1 millisecond' END, $5, $6)`,
      [id, cancel.event, cancel.if ?? null, cancel.timeoutMs ?? null, key?.path ?? null, key?.value ?? null],
    );
  }
  if (run.fn.timeouts.startMs !== undefined) {
    await tx.query(
      `INSERT INTO ${t.queue} (kind, "runId", "functionId", payload, "dueAt", "sortAt", "dedupeKey")
       VALUES ('RUN_TIMEOUT', $1, $2, '{"type":"start"}', now() + $3 * interval '1 millisecond', now() + $3 * interval '1 millisecond', $4)`,
      [id, run.fn.id, run.fn.timeouts.startMs, `timeout:start:${id}`],
    );
  }
  tx.afterCommit(() => ctx.wake(delay));
  return id;
}
