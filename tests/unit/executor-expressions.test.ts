import { describe, expect, it } from "vitest";
import { evaluate, evaluateKey, matches } from "@/executor/expressions/evaluate";
import { ExpressionError } from "@/executor/expressions/lexer";

const event = { name: "cart/opened", data: { cartId: "c1", total: 120, currency: "EUR", vip: true, tags: ["a", "b"], nested: { level: 2 }, missing: null }, user: { id: "u1" } };
const vars = { event, async: { name: "cart/paid", data: { cartId: "c1", amount: 99.5 } } };

describe("CEL expressions", () => {
  it.each([
    ["event.data.currency == 'EUR'", true],
    ['event.data.currency == "USD"', false],
    ["event.data.currency != 'USD'", true],
    ["event.data.total > 100 && event.data.vip == true", true],
    ["event.data.total > 200 || event.data.currency == 'EUR'", true],
    ["event.data.total >= 120 && event.data.total <= 120", true],
    ["event.data.total < 100", false],
    ["!(event.data.total < 100)", true],
    ["!event.data.vip", false],
    ["event.data.vip", true],
    ["event.data.cartId == async.data.cartId", true],
    ["async.data.amount == 99.5", true],
    ["event.data.nested.level == 2", true],
    ["event.data['currency'] == 'EUR'", true],
    ["event.data.tags[1] == 'b'", true],
    ["'a' in event.data.tags", true],
    ["'currency' in event.data", true],
    ["size(event.data.tags) == 2 && event.data.tags.size() == 2", true],
    ["event.data.currency.startsWith('E') && event.data.cartId.endsWith('1')", true],
    ["event.data.currency.contains('U')", true],
    ["event.data.cartId.matches('^c[0-9]+$')", true],
    ["has(event.data.cartId) && !has(event.data.nope)", true],
    ["event.data.total + 5 == 125 && event.data.total * 2 - 40 == 200 && event.data.total % 7 == 1", true],
    ["event.data.total / 4 == 30", true],
    ["-event.data.total == -120", true],
    ["event.data.vip ? 'gold' : 'none'", "gold"],
    ["[1, 2] == [1, 2]", true],
    ["{'a': 1}.a == 1", true],
    ["event.user.id == 'u1'", true],
    ["1 == 1.0", true],
  ])("%s", (source, expected) => {
    expect(evaluate(source, vars)).toEqual(expected);
  });

  it("treats a missing field as null, so a comparison with it is simply false", () => {
    expect(evaluate("event.data.nope", vars)).toBeNull();
    expect(evaluate("event.data.nope.deeper", vars)).toBeNull();
    expect(matches("event.data.nope == 'x'", vars)).toBe(false);
    expect(matches("event.data.nope == null && event.data.missing == null", vars)).toBe(true);
    expect(matches("event.data.nope > 3", vars)).toBe(false);
    expect(matches("unknownVariable == 1", vars)).toBe(false);
  });

  it("compares numbers with numbers and strings with strings only", () => {
    expect(evaluate("event.data.total == '120'", vars)).toBe(false);
    expect(evaluate("'b' > 'a'", vars)).toBe(true);
    expect(evaluate("'10' < 9", vars)).toBe(false);
  });

  it("refuses what it cannot parse, and errors on bad operands", () => {
    expect(() => evaluate("event.data.total >", vars)).toThrow(ExpressionError);
    expect(() => evaluate("event.data.currency = 'EUR'", vars)).toThrow(ExpressionError);
    expect(() => evaluate("'unterminated", vars)).toThrow(/unterminated string/);
    expect(() => evaluate("event.data.total / 0", vars)).toThrow(/division by zero/);
    expect(() => evaluate("event.data.tags - 1", vars)).toThrow(ExpressionError);
    expect(() => evaluate("nope()", vars)).toThrow(/unknown function/);
    expect(matches("event.data.total / 0 == 1", vars)).toBe(false);
  });

  it("an empty condition matches everything", () => {
    expect(matches(undefined, vars)).toBe(true);
    expect(matches("  ", vars)).toBe(true);
  });

  it("turns key expressions into grouping strings", () => {
    expect(evaluateKey("event.data.cartId", vars)).toBe("c1");
    expect(evaluateKey("event.data.total", vars)).toBe("120");
    expect(evaluateKey("event.data.cartId + '-' + event.data.total", vars)).toBe("c1-120");
    expect(evaluateKey("event.data.nested", vars)).toBe('{"level":2}');
    expect(evaluateKey("event.data.nope", vars)).toBeNull();
    expect(evaluateKey("event.data.(", vars)).toBeNull();
  });

  it("reads string escapes", () => {
    expect(evaluate("'it\\'s' == \"it's\"", {})).toBe(true);
    expect(evaluate("'\\u00e9'", {})).toBe("é");
  });
});
