// Recursive-descent parser for the CEL subset: literals, lists and maps, member and index access,
// calls, ! and unary -, * / %, + -, comparisons and `in`, && ||, and the ternary.
import { ExpressionError, tokenize, type Token } from "./lexer.ts";

export type Node =
  | { kind: "literal"; value: unknown }
  | { kind: "ident"; name: string }
  | { kind: "member"; object: Node; name: string }
  | { kind: "index"; object: Node; index: Node }
  | { kind: "call"; name: string; target: Node | null; args: Node[] }
  | { kind: "unary"; op: string; operand: Node }
  | { kind: "binary"; op: string; left: Node; right: Node }
  | { kind: "ternary"; test: Node; then: Node; otherwise: Node }
  | { kind: "list"; items: Node[] }
  | { kind: "map"; entries: [Node, Node][] };

const LEVELS: string[][] = [["||"], ["&&"], ["==", "!=", "<", "<=", ">", ">=", "in"], ["+", "-"], ["*", "/", "%"]];

class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.at]!;
  }

  private isOp(value: string): boolean {
    const token = this.peek();
    return (token.type === "op" || token.type === "ident") && "value" in token && token.value === value;
  }

  private expect(value: string) {
    if (!this.isOp(value)) throw new ExpressionError(`expected "${value}" at ${this.peek().pos}`);
    this.at++;
  }

  parse(): Node {
    const node = this.ternary();
    if (this.peek().type !== "end") throw new ExpressionError(`unexpected input at ${this.peek().pos}`);
    return node;
  }

  private ternary(): Node {
    const test = this.binary(0);
    if (!this.isOp("?")) return test;
    this.at++;
    const then = this.ternary();
    this.expect(":");
    return { kind: "ternary", test, then, otherwise: this.ternary() };
  }

  private binary(level: number): Node {
    if (level === LEVELS.length) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      const op = LEVELS[level]!.find((candidate) => this.isOp(candidate));
      if (!op) return left;
      this.at++;
      left = { kind: "binary", op, left, right: this.binary(level + 1) };
    }
  }

  private unary(): Node {
    if (this.isOp("!") || this.isOp("-")) {
      const op = (this.tokens[this.at++] as { value: string }).value;
      return { kind: "unary", op, operand: this.unary() };
    }
    return this.postfix(this.primary());
  }

  private args(close: string): Node[] {
    const items: Node[] = [];
    while (!this.isOp(close)) {
      items.push(this.ternary());
      if (!this.isOp(",")) break;
      this.at++;
    }
    this.expect(close);
    return items;
  }

  private postfix(node: Node): Node {
    for (;;) {
      if (this.isOp(".")) {
        this.at++;
        const name = this.peek();
        if (name.type !== "ident") throw new ExpressionError(`expected a field name at ${name.pos}`);
        this.at++;
        if (this.isOp("(")) {
          this.at++;
          node = { kind: "call", name: name.value, target: node, args: this.args(")") };
        } else {
          node = { kind: "member", object: node, name: name.value };
        }
      } else if (this.isOp("[")) {
        this.at++;
        const index = this.ternary();
        this.expect("]");
        node = { kind: "index", object: node, index };
      } else {
        return node;
      }
    }
  }

  private primary(): Node {
    const token = this.peek();
    this.at++;
    if (token.type === "number" || token.type === "string") return { kind: "literal", value: token.value };
    if (token.type === "ident") {
      if (token.value === "true") return { kind: "literal", value: true };
      if (token.value === "false") return { kind: "literal", value: false };
      if (token.value === "null") return { kind: "literal", value: null };
      if (this.isOp("(")) {
        this.at++;
        return { kind: "call", name: token.value, target: null, args: this.args(")") };
      }
      return { kind: "ident", name: token.value };
    }
    if (token.type === "op" && token.value === "(") {
      const inner = this.ternary();
      this.expect(")");
      return inner;
    }
    if (token.type === "op" && token.value === "[") return { kind: "list", items: this.args("]") };
    if (token.type === "op" && token.value === "{") {
      const entries: [Node, Node][] = [];
      while (!this.isOp("}")) {
        const key = this.ternary();
        this.expect(":");
        entries.push([key, this.ternary()]);
        if (!this.isOp(",")) break;
        this.at++;
      }
      this.expect("}");
      return { kind: "map", entries };
    }
    throw new ExpressionError(`unexpected ${token.type === "end" ? "end of expression" : `"${(token as { value: unknown }).value}"`} at ${token.pos}`);
  }
}

export function parse(source: string): Node {
  return new Parser(tokenize(source)).parse();
}
