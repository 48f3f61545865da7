// The fast path must answer exactly what libphonenumber-js answers, or not at all.
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";
import { describe, expect, it } from "vitest";
import { fastE164Country } from "@/lib/sms/fast-e164";
import { normalizePhone } from "@/lib/sms/phone";

// A fixed-seed generator, so a failure names numbers that can be tried again.
function random(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

const CALLING_CODES = ["1", "44", "49", "33", "61", "91", "7", "86", "55", "52", "54", "39", "34", "31", "81", "82", "234", "254", "353", "971", "27", "64", "48", "90", "62", "63", "380", "880"];

function library(text: string, country = "US") {
  const parsed = parsePhoneNumberFromString(text, country as CountryCode);
  return parsed?.isValid() ? { e164: parsed.number as string, country: parsed.country } : undefined;
}

describe("fastE164Country", () => {
  it("agrees with libphonenumber-js on every number it answers, and answers most valid ones", () => {
    const next = random(42);
    let answered = 0;
    let valid = 0;
    for (let i = 0; i < 60_000; i++) {
      const code = CALLING_CODES[i % CALLING_CODES.length]!;
      const length = 6 + Math.floor(next() * 7);
      let digits = "";
      for (let d = 0; d < length; d++) digits += Math.floor(next() * 10);
      const text = `+${code}${digits}`;
      const expected = library(text);
      const fast = fastE164Country(text);
      if (expected) valid++;
      if (fast === undefined) continue;
      answered++;
      expect({ text, e164: text, country: fast }).toEqual({ text, ...expected });
    }
    expect(valid).toBeGreaterThan(1_000);
    expect(answered / valid).toBeGreaterThan(0.8);
  });

  it("refuses what is not E.164 as written", () => {
    expect(fastE164Country("4155550123")).toBeUndefined();
    expect(fastE164Country("+1 415 555 0123")).toBeUndefined();
    expect(fastE164Country("+11555550123")).toBeUndefined();
    expect(fastE164Country("+14155550123")).toBe("US");
    expect(fastE164Country("+16135550123")).toBe("CA");
  });
});

describe("normalizePhone through the fast path", () => {
  it("gives the library's E.164 for E.164, RFC 3966 and NANP national formats", () => {
    const samples = ["+1 (415) 555-0123", "tel:+1-613-555-0199", "415.555.0123", "1 907 555 0142", "(212) 555-0100", "+44 7911 123456", "+49 30 901820", "+61 2 9374 4000"];
    for (const text of samples) {
      const ours = normalizePhone(text, "US");
      const theirs = library(text, "US");
      expect(ours.ok ? ours.e164 : undefined, text).toBe(theirs?.e164);
    }
    expect(normalizePhone("020 7946 0958", "GB")).toMatchObject({ ok: true, e164: "+442079460958" });
  });
});
