import { describe, expect, it } from "vitest";
import { areaCodeInfo, areaCodeOf, areaCodesWhere, NANP_AREA_CODES } from "@/lib/sms/area-codes";
import { timeZoneForPhone } from "@/lib/sms/phone";
import { isValidTimeZone } from "@/lib/sms/time-zone";

describe("NANP area codes", () => {
  it("gives every area code a country and a real time zone, and every US or Canadian one a region", () => {
    expect(NANP_AREA_CODES.length).toBeGreaterThan(400);
    for (const code of NANP_AREA_CODES) {
      const info = areaCodeInfo(code)!;
      expect(code).toMatch(/^[2-9]\d\d$/);
      expect(isValidTimeZone(info.timeZone), `${code}: ${info.timeZone}`).toBe(true);
      if (info.country === "US" || info.country === "CA") expect(info.region, code).toMatch(/^[A-Z]{2}$/);
    }
  });

  it("names states, provinces and territories", () => {
    expect(areaCodeInfo("907")).toEqual({ country: "US", region: "AK", timeZone: "America/Anchorage" });
    expect(areaCodeInfo("212")).toMatchObject({ country: "US", region: "NY", timeZone: "America/New_York" });
    expect(areaCodeInfo("416")).toMatchObject({ country: "CA", region: "ON", timeZone: "America/Toronto" });
    expect(areaCodeInfo("787")).toMatchObject({ country: "PR", region: "PR" });
    expect(areaCodeInfo("876")).toMatchObject({ country: "JM", region: null, timeZone: "America/Jamaica" });
    expect(areaCodeInfo("800")).toBeNull();
    expect(areaCodesWhere((i) => i.region === "AK")).toEqual(["907"]);
  });

  it("reads the area code of +1 numbers only", () => {
    expect(areaCodeOf("+19075550123")).toBe("907");
    expect(areaCodeOf("+447700900123")).toBeNull();
    expect(areaCodeOf("+1907555")).toBeNull();
  });
});

describe("timeZoneForPhone", () => {
  it("derives Alaska's zone (907 spans Anchorage and Adak) and Idaho's (208 spans Mountain and Pacific)", () => {
    expect(timeZoneForPhone("+19075550123")).toBe("America/Anchorage");
    expect(timeZoneForPhone("+12085550123")).toBe("America/Boise");
  });

  it("keeps the finer prefixes of libphonenumber where they name one zone", () => {
    expect(timeZoneForPhone("+19072090123")).toBe("America/Juneau");
  });

  it("derives a zone for a number of every NANP area code", () => {
    for (const code of NANP_AREA_CODES) expect(timeZoneForPhone(`+1${code}5550123`), code).not.toBeNull();
  });

  it("derives a zone for each country of the demo seed (prisma/seed.ts)", () => {
    for (const area of ["212", "312", "303", "415", "602", "907", "808", "617", "512", "206"]) {
      expect(timeZoneForPhone(`+1${area}5550123`), area).toBe(areaCodeInfo(area)!.timeZone);
    }
    // Of the zones +44 spans (all on London's clock), the one most prefixes name alone.
    expect(timeZoneForPhone("+447700900123")).toBe("Europe/London");
    expect(timeZoneForPhone("+61491570123")).not.toBeNull();
    expect(timeZoneForPhone("+4915112345678")).toBe("Europe/Berlin");
  });
});
