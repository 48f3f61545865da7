// The index key of a wait: one equality among the `&&` conjuncts of its expression that pins a
// field of the incoming event (`async.<path>`) to a scalar known when the wait is stored, a literal
// or a field of the run's own event. Stored with the wait, it lets an incoming event load only the
// waits whose key it satisfies (plus the unkeyed ones) instead of every wait for its name; the full
// expression is still evaluated on what is loaded, so the key only has to be implied by it.
import type { EventPayload } from "../context.ts";
import { compile } from "../expressions/evaluate.ts";
import type { Node } from "../expressions/parser.ts";

export interface WaitKey {
  /** JSON array of the field names under `async`, e.g. `["data","contactId"]`. */
  path: string;
  /** JSON text of the scalar the field must equal. */
  value: string;
}

type Scalar = string | number | boolean;

const MAX_KEY_LENGTH = 1_000;

const isScalar = (value: unknown): value is Scalar =>
  typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value));

function conjuncts(node: Node): Node[] {
  return node.kind === "binary" && node.op === "&&" ? [...conjuncts(node.left), ...conjuncts(node.right)] : [node];
}

/** `root.a.b["c"]` as ["a","b","c"]; null for anything else (numeric indexes, calls, ...). */
function fieldPath(node: Node, root: string): string[] | null {
  if (node.kind === "ident") return node.name === root ? [] : null;
  if (node.kind === "member") {
    const parent = fieldPath(node.object, root);
    return parent && [...parent, node.name];
  }
  if (node.kind === "index" && node.index.kind === "literal" && typeof node.index.value === "string") {
    const parent = fieldPath(node.object, root);
    return parent && [...parent, node.index.value];
  }
  return null;
}

/**
 * A field's value the way the evaluator reads it: only through objects and own keys (a missing
 * field is null, which no key matches, so such an event loads only the unkeyed waits).
 */
export function valueAt(root: unknown, path: string[]): unknown {
  let value = root;
  for (const name of path) {
    if (typeof value !== "object" || value === null || Array.isArray(value) || !Object.hasOwn(value, name)) return null;
    value = (value as Record<string, unknown>)[name];
  }
  return value;
}

/** The scalar the other side of an equality has when the wait is stored, if it is known then. */
function knownSide(node: Node, runEvent: EventPayload | null | undefined): Scalar | null {
  if (node.kind === "literal") return isScalar(node.value) ? node.value : null;
  const path = fieldPath(node, "event");
  if (!path || !runEvent) return null;
  const value = valueAt(runEvent, path);
  // A null or object on the run's side could equal an incoming null or object: leave it unkeyed.
  return isScalar(value) ? value : null;
}

/** The wait's key, or null when no conjunct of `expression` is an indexable equality. */
export function waitKey(expression: string | null | undefined, runEvent: EventPayload | null | undefined): WaitKey | null {
  if (!expression || !expression.trim()) return null;
  let root: Node;
  try {
    root = compile(expression);
  } catch {
    return null;
  }
  for (const node of conjuncts(root)) {
    if (node.kind !== "binary" || node.op !== "==") continue;
    for (const [incoming, other] of [
      [node.left, node.right],
      [node.right, node.left],
    ] as const) {
      const path = fieldPath(incoming, "async");
      if (!path || path.length === 0) continue;
      const value = knownSide(other, runEvent);
      if (value === null) continue;
      const key = { path: JSON.stringify(path), value: JSON.stringify(value) };
      // A btree entry has a size limit (about 2.7 kB): a longer key stays unkeyed rather than fail the insert.
      if (key.path.length + key.value.length <= MAX_KEY_LENGTH) return key;
    }
  }
  return null;
}

/** The key an incoming event offers for a stored path, or null when its field is not a scalar. */
export function incomingValue(event: EventPayload, path: string): string | null {
  const value = valueAt(event, JSON.parse(path) as string[]);
  return isScalar(value) ? JSON.stringify(value) : null;
}
