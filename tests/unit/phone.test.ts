import { describe, expect, it } from "vitest";
import { normalizePhone, timeZoneForPhone } from "@/lib/sms/phone";

function e164(input: string, country: string) {
  const result = normalizePhone(input, country);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(input)} (${country}) to parse, got: ${result.message}`);
  return result.e164;
}

function failure(input: string, country: string) {
  const result = normalizePhone(input, country);
  if (result.ok) throw new Error(`expected ${JSON.stringify(input)} (${country}) to be refused, got ${result.e164}`);
  return result.message;
}

describe("normalizePhone", () => {
  it.each([
    // [typed, default country, E.164]
    ["(212) 736-2000", "US", "+12127362000"],
    ["212-736-2000", "US", "+12127362000"],
    ["212.736.2000", "US", "+12127362000"],
    ["2127362000", "US", "+12127362000"],
    ["1 212 736 2000", "US", "+12127362000"],
    ["+1 (212) 736-2000", "US", "+12127362000"],
    ["  +12127362000  ", "US", "+12127362000"],
    ["020 7946 0958", "GB", "+442079460958"],
    ["07911 123456", "GB", "+447911123456"],
    ["+44 20 7946 0958", "US", "+442079460958"],
    ["030 901820", "DE", "+4930901820"],
    ["01512 3456789", "DE", "+4915123456789"],
    ["+49 (0)30 901820", "US", "+4930901820"],
    ["(02) 9374 4000", "AU", "+61293744000"],
    ["0412 345 678", "AU", "+61412345678"],
    ["+61 2 9374 4000", "GB", "+61293744000"],
    ["(11) 91234-5678", "BR", "+5511912345678"],
    ["+55 11 91234-5678", "US", "+5511912345678"],
    ["98765 43210", "IN", "+919876543210"],
    ["+91 98765-43210", "DE", "+919876543210"],
  ])("%s with default %s is %s", (input, country, expected) => {
    expect(e164(input, country)).toBe(expected);
  });

  it("applies the default country only to numbers without a +country code", () => {
    expect(e164("2127362000", "US")).toBe("+12127362000");
    expect(e164("02 9374 4000", "AU")).toBe("+61293744000");
    // The same national digits mean a different number in another country.
    expect(e164("030 901820", "DE")).toBe("+4930901820");
    expect(failure("030 901820", "US")).toMatch(/not a valid US phone number/);
    // An explicit + code wins over the default.
    expect(e164("+49 30 901820", "AU")).toBe("+4930901820");
  });

  it("reports the country it was read for when national digits are not valid there", () => {
    expect(failure("2127362000", "GB")).toBe('"2127362000" is not a valid GB phone number');
  });

  it("refuses letters, naming what was typed", () => {
    expect(failure("call me", "US")).toBe('"call me" is not a phone number: it contains letters');
    expect(failure("212 ABC 2000", "US")).toMatch(/contains letters/);
    expect(failure("1-800-FLOWERS", "US")).toMatch(/contains letters/);
  });

  it("accepts an extension marker but keeps only the number", () => {
    expect(e164("212-736-2000 ext. 12", "US")).toBe("+12127362000");
    expect(e164("212-736-2000 x12", "US")).toBe("+12127362000");
  });

  it.each([
    ["12", "US"],
    ["555-0123", "US"],
    ["+1 212 736 2000 1234", "US"],
    ["+44 20 7946 09581234", "GB"],
    ["0412 345", "AU"],
    ["+55 11 9123", "BR"],
    ["98765", "IN"],
  ])("refuses %s (too short or too long for %s)", (input, country) => {
    expect(failure(input, country)).toMatch(/is not a (valid .*)?phone number/);
  });

  it("requires something", () => {
    expect(failure("", "US")).toBe("Phone number is required");
    expect(failure("   ", "US")).toBe("Phone number is required");
  });

  it("asks for a +country code when the default country is unknown and none was typed", () => {
    expect(failure("2127362000", "XX")).toMatch(/use \+country code/);
    expect(e164("+12127362000", "XX")).toBe("+12127362000");
  });

  it("reports the country the number belongs to", () => {
    const result = normalizePhone("+49 30 901820", "US");
    expect(result).toEqual({ ok: true, e164: "+4930901820", country: "DE" });
  });
});

function offsets(zone: string, year = new Date().getUTCFullYear()) {
  return [0, 6].map((month) =>
    new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" })
      .formatToParts(new Date(Date.UTC(year, month, 15)))
      .find((p) => p.type === "timeZoneName")?.value,
  );
}

describe("timeZoneForPhone", () => {
  it("finds New York for a 212 number", () => {
    expect(timeZoneForPhone("+12127362000")).toBe("America/New_York");
  });

  it("finds Chicago for a 312 number", () => {
    expect(timeZoneForPhone("+13125550123")).toBe("America/Chicago");
  });

  it("gives an Alaska 907 number its area code's zone, although the prefix spans zones with different clocks", () => {
    // 907 covers Anchorage (UTC-9) and Adak (UTC-10); most of its numbers keep Anchorage's clock.
    expect(timeZoneForPhone("+19075550123")).toBe("America/Anchorage");
  });

  it("gives no answer for a number whose country code alone spans several clocks", () => {
    // +1 800 is toll-free: no area, so only the country code matches (all of North America).
    expect(timeZoneForPhone("+18005550123")).toBeNull();
  });

  it("gives a UK number a zone that keeps London's clock all year", () => {
    for (const phone of ["+442079460958", "+447911123456"]) {
      const zone = timeZoneForPhone(phone);
      expect(zone).toMatch(/^Europe\//);
      expect(offsets(zone!)).toEqual(offsets("Europe/London"));
    }
  });

  it("finds Sydney for a Sydney number", () => {
    expect(timeZoneForPhone("+61293744000")).toBe("Australia/Sydney");
  });

  it("finds Berlin for a German number", () => {
    expect(timeZoneForPhone("+4930901820")).toBe("Europe/Berlin");
  });

  it("ignores formatting in the number it is given", () => {
    expect(timeZoneForPhone("+1 (212) 736-2000")).toBe("America/New_York");
  });

  it("gives no answer for an unknown calling code", () => {
    expect(timeZoneForPhone("+999123456")).toBeNull();
  });
});
