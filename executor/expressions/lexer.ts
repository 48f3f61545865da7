// Tokens of the CEL subset the executor evaluates (trigger `if`, waitForEvent `if`/`match`,
// cancelOn, and the key expressions of concurrency, throttle, idempotency, batch and debounce).

export type Token =
  | { type: "number"; value: number; pos: number }
  | { type: "string"; value: string; pos: number }
  | { type: "ident"; value: string; pos: number }
  | { type: "op"; value: string; pos: number }
  | { type: "end"; pos: number };

export class ExpressionError extends Error {
  override name = "ExpressionError";
}

const OPERATORS = ["==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "+", "-", "*", "/", "%", "?", ":", ".", ",", "(", ")", "[", "]", "{", "}"];
const ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", "\\": "\\", "'": "'", '"': '"', "`": "`", "/": "/" };

function readString(source: string, start: number): { value: string; end: number } {
  const quote = source[start];
  let value = "";
  let i = start + 1;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === quote) return { value, end: i + 1 };
    if (ch === "\\") {
      const next = source[i + 1];
      if (next === "u") {
        const hex = source.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new ExpressionError(`bad \\u escape at ${i}`);
        value += String.fromCharCode(parseInt(hex, 16));
        i += 6;
        continue;
      }
      if (next === undefined || !(next in ESCAPES)) throw new ExpressionError(`bad escape at ${i}`);
      value += ESCAPES[next];
      i += 2;
      continue;
    }
    value += ch;
    i++;
  }
  throw new ExpressionError(`unterminated string starting at ${start}`);
}

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === "'" || ch === '"') {
      const { value, end } = readString(source, i);
      tokens.push({ type: "string", value, pos: i });
      i = end;
      continue;
    }
    const number = /^(?:0x[0-9a-fA-F]+|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)u?/.exec(source.slice(i));
    if (number && /\d/.test(ch)) {
      tokens.push({ type: "number", value: Number(number[0].replace(/u$/, "")), pos: i });
      i += number[0].length;
      continue;
    }
    const ident = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i));
    if (ident) {
      tokens.push({ type: "ident", value: ident[0], pos: i });
      i += ident[0].length;
      continue;
    }
    const op = OPERATORS.find((candidate) => source.startsWith(candidate, i));
    if (!op) throw new ExpressionError(`unexpected "${ch}" at ${i}`);
    tokens.push({ type: "op", value: op, pos: i });
    i += op.length;
  }
  tokens.push({ type: "end", pos: source.length });
  return tokens;
}
