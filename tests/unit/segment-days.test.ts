import { describe, expect, it } from "vitest";
import { addDays, anniversaryMonthDays, isRealDay, localDay } from "@/lib/segments/segment-days";

describe("segment days", () => {
  it("reads today in the zone", () => {
    const at = new Date("2026-12-31T03:30:00Z");
    expect(localDay(at, "UTC")).toBe("2026-12-31");
    expect(localDay(at, "America/Los_Angeles")).toBe("2026-12-30");
    expect(localDay(at, "Pacific/Auckland")).toBe("2026-12-31");
    expect(localDay(new Date("2026-12-31T11:30:00Z"), "Pacific/Kiritimati")).toBe("2027-01-01");
  });

  it("moves days across months, years and Feb 29", () => {
    expect(addDays("2026-12-30", 3)).toBe("2027-01-02");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(addDays("2027-03-01", -1)).toBe("2027-02-28");
  });

  it("knows real days", () => {
    expect(isRealDay("2028-02-29")).toBe(true);
    expect(isRealDay("2027-02-29")).toBe(false);
    expect(isRealDay("2026-13-01")).toBe(false);
  });

  it("lists anniversary month-days across the year end", () => {
    expect(anniversaryMonthDays("2026-12-30", 3)).toEqual(["01-01", "01-02", "12-30", "12-31"]);
    expect(anniversaryMonthDays("2026-12-30", 0)).toEqual(["12-30"]);
  });

  it("counts Feb 29 on Feb 28 outside leap years only", () => {
    expect(anniversaryMonthDays("2027-02-28", 0)).toEqual(["02-28", "02-29"]);
    expect(anniversaryMonthDays("2028-02-28", 0)).toEqual(["02-28"]);
    expect(anniversaryMonthDays("2028-02-28", 1)).toEqual(["02-28", "02-29"]);
  });

  it("takes everyone once the window spans a year", () => {
    expect(anniversaryMonthDays("2026-06-01", 365)).toBeNull();
    // 365 days from June 2026 hold every month-day, Feb 29 through Feb 28, 2027.
    expect(anniversaryMonthDays("2026-06-01", 364)).toBeNull();
    // 301 days to 2027-03-28, and Feb 29 with Feb 28.
    expect(anniversaryMonthDays("2026-06-01", 300)).toHaveLength(302);
  });
});
