// Evaluation with CEL's meaning for the forms Inngest users write, but lenient where Inngest is:
// a missing field is null rather than an error, so `event.data.missing == "x"` is simply false.
// Anything else that is an error in CEL (a bad operand, an unknown function) throws, and callers
// treat a throwing condition as not matched.
import { ExpressionError } from "./lexer.ts";
import { parse, type Node } from "./parser.ts";

export type Vars = Record<string, unknown>;

const cache = new Map<string, Node>();

/** The parsed expression, cached: the same few expressions are evaluated for every event. */
export function compile(source: string): Node {
  let node = cache.get(source);
  if (!node) {
    node = parse(source);
    if (cache.size > 1_000) cache.clear();
    cache.set(source, node);
  }
  return node;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function equal(a: unknown, b: unknown): boolean {
  if (a === undefined) a = null;
  if (b === undefined) b = null;
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => equal(item, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && equal(a[key], b[key]));
  }
  return false;
}

function compare(op: string, a: unknown, b: unknown): boolean {
  const comparable = (typeof a === "number" && typeof b === "number") || (typeof a === "string" && typeof b === "string");
  if (!comparable) return false;
  const x = a as number | string;
  const y = b as number | string;
  return op === "<" ? x < y : op === "<=" ? x <= y : op === ">" ? x > y : x >= y;
}

function arithmetic(op: string, a: unknown, b: unknown): unknown {
  if (op === "+") {
    if (typeof a === "number" && typeof b === "number") return a + b;
    if (Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
    // CEL has no implicit conversion, but concatenating ids of either type into a key is the
    // common use ("event.data.user_id + '-' + event.data.account_id"); allow it for scalars.
    const scalar = (v: unknown) => typeof v === "string" || typeof v === "number" || typeof v === "boolean";
    if ((typeof a === "string" || typeof b === "string") && scalar(a) && scalar(b)) return `${a}${b}`;
    throw new ExpressionError(`cannot add ${typeof a} and ${typeof b}`);
  }
  if (typeof a !== "number" || typeof b !== "number") throw new ExpressionError(`"${op}" needs numbers`);
  if ((op === "/" || op === "%") && b === 0) throw new ExpressionError("division by zero");
  return op === "-" ? a - b : op === "*" ? a * b : op === "/" ? a / b : a % b;
}

function size(value: unknown): number {
  if (typeof value === "string" || Array.isArray(value)) return value.length;
  if (isRecord(value)) return Object.keys(value).length;
  throw new ExpressionError("size() needs a string, list or map");
}

function callFunction(node: Extract<Node, { kind: "call" }>, vars: Vars): unknown {
  if (node.name === "has" && !node.target) {
    const arg = node.args[0];
    if (node.args.length !== 1 || arg?.kind !== "member") throw new ExpressionError("has() needs a field, as in has(event.data.x)");
    const object = evaluateNode(arg.object, vars);
    return isRecord(object) && Object.hasOwn(object, arg.name);
  }
  const target = node.target ? evaluateNode(node.target, vars) : undefined;
  const args = node.args.map((arg) => evaluateNode(arg, vars));
  const text = (v: unknown) => {
    if (typeof v !== "string") throw new ExpressionError(`${node.name}() needs a string`);
    return v;
  };
  switch (node.name) {
    case "size":
      return size(node.target ? target : args[0]);
    case "startsWith":
      return text(target).startsWith(text(args[0]));
    case "endsWith":
      return text(target).endsWith(text(args[0]));
    case "contains":
      return text(target).includes(text(args[0]));
    case "matches":
      return node.target ? new RegExp(text(args[0])).test(text(target)) : new RegExp(text(args[1])).test(text(args[0]));
    case "lowerAscii":
      return text(target).toLowerCase();
    case "upperAscii":
      return text(target).toUpperCase();
    case "string":
      return args[0] === null || args[0] === undefined ? "null" : typeof args[0] === "object" ? JSON.stringify(args[0]) : String(args[0]);
    case "int":
      return Math.trunc(Number(args[0]));
    case "double":
      return Number(args[0]);
    default:
      throw new ExpressionError(`unknown function ${node.name}()`);
  }
}

function evaluateNode(node: Node, vars: Vars): unknown {
  switch (node.kind) {
    case "literal":
      return node.value;
    case "ident":
      return Object.hasOwn(vars, node.name) ? vars[node.name] : null;
    case "member": {
      const object = evaluateNode(node.object, vars);
      return isRecord(object) && Object.hasOwn(object, node.name) ? object[node.name] : null;
    }
    case "index": {
      const object = evaluateNode(node.object, vars);
      const index = evaluateNode(node.index, vars);
      if (Array.isArray(object) && typeof index === "number") return object[index < 0 ? object.length + index : index] ?? null;
      if (isRecord(object) && typeof index === "string") return Object.hasOwn(object, index) ? object[index] : null;
      return null;
    }
    case "call":
      return callFunction(node, vars);
    case "unary": {
      const value = evaluateNode(node.operand, vars);
      if (node.op === "!") return value !== true;
      if (typeof value !== "number") throw new ExpressionError('unary "-" needs a number');
      return -value;
    }
    case "binary": {
      if (node.op === "&&") return evaluateNode(node.left, vars) === true && evaluateNode(node.right, vars) === true;
      if (node.op === "||") return evaluateNode(node.left, vars) === true || evaluateNode(node.right, vars) === true;
      const left = evaluateNode(node.left, vars);
      const right = evaluateNode(node.right, vars);
      switch (node.op) {
        case "==":
          return equal(left, right);
        case "!=":
          return !equal(left, right);
        case "<":
        case "<=":
        case ">":
        case ">=":
          return compare(node.op, left, right);
        case "in":
          if (Array.isArray(right)) return right.some((item) => equal(item, left));
          if (isRecord(right)) return typeof left === "string" && Object.hasOwn(right, left);
          return false;
        default:
          return arithmetic(node.op, left, right);
      }
    }
    case "ternary":
      return evaluateNode(node.test, vars) === true ? evaluateNode(node.then, vars) : evaluateNode(node.otherwise, vars);
    case "list":
      return node.items.map((item) => evaluateNode(item, vars));
    case "map":
      return Object.fromEntries(node.entries.map(([key, value]) => [String(evaluateNode(key, vars)), evaluateNode(value, vars)]));
  }
}

/** The value of `source` with `vars` in scope. Throws ExpressionError on a syntax or type error. */
export function evaluate(source: string, vars: Vars): unknown {
  return evaluateNode(compile(source), vars);
}

/** True only when the expression evaluates to true; an error counts as false. */
export function matches(source: string | undefined | null, vars: Vars): boolean {
  if (!source || !source.trim()) return true;
  try {
    return evaluate(source, vars) === true;
  } catch {
    return false;
  }
}

/** A key expression's value as a string (for grouping), or null when it is missing or fails. */
export function evaluateKey(source: string, vars: Vars): string | null {
  try {
    const value = evaluate(source, vars);
    if (value === null || value === undefined) return null;
    return typeof value === "string" ? value : JSON.stringify(value);
  } catch {
    return null;
  }
}
