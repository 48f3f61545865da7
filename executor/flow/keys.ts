// Keys and numbers derived from a run's event: concurrency groups and priority.
import type { EventPayload } from "../context.ts";
import { evaluate, evaluateKey } from "../expressions/evaluate.ts";
import type { FunctionDef } from "../functions/config.ts";

/** Expression key of a flow-control option: "" without an expression, "null" when it has no value. */
export function flowKey(expression: string | undefined, event: EventPayload | undefined): string {
  if (!expression) return "";
  return evaluateKey(expression, { event: event ?? null }) ?? "null";
}

/**
 * The concurrency groups a run's calls count against, as "<limit>|<scope>|<key>". The limit
 * travels in the key so a claim needs no lookup; a function-scoped group is the function id and
 * the option's position, an env- or account-scoped one is shared by every function using the key.
 */
export function concurrencyKeys(fn: FunctionDef, event: EventPayload | undefined): string[] {
  return fn.concurrency.map((option, i) => {
    const scope = option.scope === "fn" ? `${fn.id}#${i}` : "env";
    return `${option.limit}|${scope}|${flowKey(option.key, event)}`;
  });
}

export const limitOfKey = (key: string) => Number(key.slice(0, key.indexOf("|")));

/** Seconds (−600..600) the run's calls jump ahead of (or fall behind) others queued at the same time. */
export function runPriority(fn: FunctionDef, event: EventPayload | undefined): number {
  if (!fn.priority) return 0;
  try {
    const value = evaluate(fn.priority, { event: event ?? null });
    return typeof value === "number" && Number.isFinite(value) ? Math.max(-600, Math.min(600, Math.round(value))) : 0;
  } catch {
    return 0;
  }
}
