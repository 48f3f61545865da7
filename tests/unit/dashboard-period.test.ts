// The dashboard's periods (UTC days, the one before of the same length, in the URL) and the Messages
// page's filters in the URL that its figures link to.
import { describe, expect, it } from "vitest";
import { choiceFromParams, choiceQuery, periodOf } from "@/components/dashboard/dashboard-period";
import { periodMessages } from "@/components/dashboard/links";
import { linkedFilters } from "@/components/messaging/messages-link";
import { dashboardPeriodInput, lastDays, periodDays, previousPeriod } from "@/lib/analytics/dashboard-input";
import { firstIdAt, newId } from "@/lib/ids";

const now = new Date("2026-03-09T01:30:00Z");

describe("dashboard periods", () => {
  it("are whole UTC days up to today, compared with as many days just before", () => {
    expect(lastDays(7, now)).toEqual({ from: "2026-03-03", to: "2026-03-09" });
    expect(previousPeriod({ from: "2026-03-03", to: "2026-03-09" })).toEqual({ from: "2026-02-24", to: "2026-03-02" });
    // Across a month end and a leap day.
    expect(previousPeriod({ from: "2028-03-01", to: "2028-03-01" })).toEqual({ from: "2028-02-29", to: "2028-02-29" });
    expect(periodDays(lastDays(90, now))).toBe(90);
  });

  it("refuse a backward or overlong range", () => {
    expect(dashboardPeriodInput.safeParse({ from: "2026-03-09", to: "2026-03-01" }).success).toBe(false);
    expect(dashboardPeriodInput.safeParse({ from: "2024-01-01", to: "2026-03-01" }).success).toBe(false);
    expect(dashboardPeriodInput.safeParse({ from: "2026-3-1", to: "2026-03-01" }).success).toBe(false);
  });

  it("round-trip through the URL; anything unreadable is the default 30 days", () => {
    for (const query of ["?days=7", "?days=90", "", "?from=2026-01-01&to=2026-01-31"]) {
      expect(choiceQuery(choiceFromParams(new URLSearchParams(query)))).toBe(query);
    }
    expect(choiceFromParams(new URLSearchParams("?days=12"))).toEqual({ kind: "preset", days: 30 });
    expect(choiceFromParams(new URLSearchParams("?from=2026-02-01&to=2026-01-01"))).toEqual({ kind: "preset", days: 30 });
    expect(periodOf({ kind: "preset", days: 7 }, now)).toEqual(lastDays(7, now));
  });
});

describe("links into the Messages page", () => {
  it("carry the figure's filters and UTC days, read back with a sentence", () => {
    const href = periodMessages({ from: "2026-03-01", to: "2026-03-07" }, { statuses: ["UNDELIVERED", "FAILED"], errorCode: "30003", senderId: "snd_1", name: "+14155550100" });
    const linked = linkedFilters(new URL(href, "http://x").searchParams);
    expect(linked?.filters).toMatchObject({
      statuses: ["UNDELIVERED", "FAILED"],
      errorCode: "30003",
      senderId: "snd_1",
      since: new Date("2026-03-01T00:00:00Z"),
      until: new Date("2026-03-08T00:00:00Z"),
    });
    expect(linked?.description).toBe("Undelivered or Failed · error 30003 · “+14155550100” · 2026-03-01 to 2026-03-07 (UTC)");
  });

  it("drop what the list would refuse", () => {
    expect(linkedFilters(new URLSearchParams("?statuses=LOST"))).toBeNull();
    expect(linkedFilters(new URLSearchParams("?source=fax"))).toBeNull();
    expect(linkedFilters(new URLSearchParams(""))).toBeNull();
  });
});

describe("firstIdAt", () => {
  it("is at most every id made at or after its time, and above those made before", () => {
    const at = new Date("2026-03-09T00:00:00Z");
    expect(newId("message", at) >= firstIdAt("message", at)).toBe(true);
    expect(newId("message", new Date(at.getTime() + 1)) > firstIdAt("message", at)).toBe(true);
    expect(newId("message", new Date(at.getTime() - 1)) < firstIdAt("message", at)).toBe(true);
  });
});
