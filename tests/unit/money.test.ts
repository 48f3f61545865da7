import { describe, expect, it } from "vitest";
import { decimalFromMicros, formatMoney, microsFromDecimal } from "@/lib/money";

describe("prices in micro-units", () => {
  it("reads decimals exactly, where floating point would not", () => {
    expect(microsFromDecimal("0.0079")).toBe(7_900);
    expect(0.0079 * 1_000_000).not.toBe(7_900);
    expect(microsFromDecimal("0.02")).toBe(20_000);
    expect(microsFromDecimal(" 1 ")).toBe(1_000_000);
    expect(microsFromDecimal("1.")).toBe(1_000_000);
    expect(microsFromDecimal(".5")).toBe(500_000);
    expect(microsFromDecimal("12.345678")).toBe(12_345_678);
  });

  it("refuses what is not a non-negative decimal with at most 6 places", () => {
    for (const text of ["", "-1", "0.0000001", "1,5", "abc", "1e-3", "."]) expect(microsFromDecimal(text), text).toBeNull();
  });

  it("writes micros back with at least two decimals", () => {
    expect(decimalFromMicros(7_900)).toBe("0.0079");
    expect(decimalFromMicros(20_000)).toBe("0.02");
    expect(decimalFromMicros(0)).toBe("0.00");
    expect(decimalFromMicros(12_345_678)).toBe("12.345678");
    for (const micros of [1, 7_900, 1_000_000, 99_999_999]) expect(microsFromDecimal(decimalFromMicros(micros))).toBe(micros);
  });

  it("shows prices as money with the currency, down to the micro", () => {
    expect(formatMoney(7_900)).toBe("$0.0079");
    expect(formatMoney(20_000)).toBe("$0.02");
    expect(formatMoney(0)).toBe("$0.00");
    expect(formatMoney(1)).toBe("$0.000001");
    expect(formatMoney(1_234_567_891)).toBe("$1,234.567891");
  });
});
