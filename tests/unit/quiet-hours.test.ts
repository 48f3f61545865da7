import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_WINDOW, isInside, nextClosing, nextOpening, STATE_DAILY_CAPS, STATE_WINDOWS, windowFor, type SendWindow } from "@/lib/sms/quiet-hours";

const at = (iso: string) => new Date(iso);
const opening = (zone: string, window: SendWindow, iso: string) => nextOpening(zone, window, at(iso)).toISOString();

describe("state rules", () => {
  it("ends the day at 20:00 in FL, CT, MD, OK and WA, and caps FL, OK and MD at 3 a day", () => {
    expect(Object.keys(STATE_WINDOWS).sort()).toEqual(["CT", "FL", "MD", "OK", "WA"]);
    for (const w of Object.values(STATE_WINDOWS)) expect(w).toEqual({ start: 480, end: 1200 });
    expect(STATE_DAILY_CAPS).toEqual({ FL: 3, OK: 3, MD: 3 });
  });

  it("intersects the org's window with the state's", () => {
    expect(windowFor(DEFAULT_WINDOW, "FL")).toEqual({ start: 480, end: 1200 });
    expect(windowFor(DEFAULT_WINDOW, "NY")).toEqual(DEFAULT_WINDOW);
    expect(windowFor(DEFAULT_WINDOW, null)).toEqual(DEFAULT_WINDOW);
    // An org already narrower than the state keeps its own bounds.
    expect(windowFor({ start: 600, end: 1140 }, "WA")).toEqual({ start: 600, end: 1140 });
    expect(windowFor({ start: 540, end: 1260 }, "OK")).toEqual({ start: 540, end: 1200 });
  });
});

describe("isInside", () => {
  it("opens at the start minute and closes at the end minute, in the recipient's zone", () => {
    // 08:00 EDT is 12:00Z; 21:00 EDT is 01:00Z the next day.
    expect(isInside("America/New_York", DEFAULT_WINDOW, at("2026-06-01T11:59:59Z"))).toBe(false);
    expect(isInside("America/New_York", DEFAULT_WINDOW, at("2026-06-01T12:00:00Z"))).toBe(true);
    expect(isInside("America/New_York", DEFAULT_WINDOW, at("2026-06-02T00:59:59Z"))).toBe(true);
    expect(isInside("America/New_York", DEFAULT_WINDOW, at("2026-06-02T01:00:00Z"))).toBe(false);
    // The same instant is 08:00 in New York and 05:00 in Los Angeles.
    expect(isInside("America/Los_Angeles", DEFAULT_WINDOW, at("2026-06-01T12:00:00Z"))).toBe(false);
  });

  it("reads half-hour zones: Asia/Kolkata (+05:30) opens at 02:30Z", () => {
    expect(isInside("Asia/Kolkata", DEFAULT_WINDOW, at("2026-03-09T02:29:00Z"))).toBe(false);
    expect(isInside("Asia/Kolkata", DEFAULT_WINDOW, at("2026-03-09T02:30:00Z"))).toBe(true);
  });

  it("names the zone when Intl does not know it", () => {
    expect(() => isInside("Mars/Olympus", DEFAULT_WINDOW, new Date())).toThrow(/Mars\/Olympus/);
  });
});

describe("nextOpening", () => {
  it("is the instant itself when the window is open", () => {
    expect(opening("America/New_York", DEFAULT_WINDOW, "2026-06-01T15:00:00Z")).toBe("2026-06-01T15:00:00.000Z");
  });

  it("is today's start before it and tomorrow's after the end", () => {
    expect(opening("America/New_York", DEFAULT_WINDOW, "2026-06-01T09:00:00Z")).toBe("2026-06-01T12:00:00.000Z");
    expect(opening("America/New_York", DEFAULT_WINDOW, "2026-06-02T01:00:00Z")).toBe("2026-06-02T12:00:00.000Z");
    expect(opening("Asia/Kolkata", DEFAULT_WINDOW, "2026-03-08T16:00:00Z")).toBe("2026-03-09T02:30:00.000Z");
    // Florida's 20:00 end: 20:30 EDT waits for 08:00 the next day.
    expect(opening("America/New_York", windowFor(DEFAULT_WINDOW, "FL"), "2026-06-02T00:30:00Z")).toBe("2026-06-02T12:00:00.000Z");
  });

  it("keeps 08:00 local across New York's spring forward (2026-03-08) and fall back (2026-11-01)", () => {
    // The night before each change: 08:00 EST is 13:00Z, 08:00 EDT 12:00Z.
    expect(opening("America/New_York", DEFAULT_WINDOW, "2026-03-08T03:00:00Z")).toBe("2026-03-08T12:00:00.000Z");
    expect(opening("America/New_York", DEFAULT_WINDOW, "2026-11-01T03:00:00Z")).toBe("2026-11-01T13:00:00.000Z");
  });

  it("opens a start inside the spring-forward gap when the clock jumps (02:30 does not exist on 2026-03-08)", () => {
    // 02:00 EST (07:00Z) becomes 03:00 EDT: the first instant at or after 02:30 local.
    expect(opening("America/New_York", { start: 150, end: 1260 }, "2026-03-08T05:00:00Z")).toBe("2026-03-08T07:00:00.000Z");
  });

  it("opens a start the clock reads twice (fall back) at the first reading still ahead", () => {
    const window = { start: 90, end: 1260 }; // 01:30, read at 05:30Z (EDT) and again at 06:30Z (EST)
    expect(opening("America/New_York", window, "2026-11-01T04:00:00Z")).toBe("2026-11-01T05:30:00.000Z");
    // 01:15 EST, the second pass: the EDT reading has gone by.
    expect(opening("America/New_York", window, "2026-11-01T06:15:00Z")).toBe("2026-11-01T06:30:00.000Z");
  });

  it("follows Lord Howe's half-hour DST (+10:30, +11 from 2026-10-04 02:00)", () => {
    // 08:00 +11 is 21:00Z the day before; on the last standard day 08:00 +10:30 is 21:30Z.
    expect(opening("Australia/Lord_Howe", DEFAULT_WINDOW, "2026-10-03T13:00:00Z")).toBe("2026-10-03T21:00:00.000Z");
    expect(opening("Australia/Lord_Howe", DEFAULT_WINDOW, "2026-10-02T13:00:00Z")).toBe("2026-10-02T21:30:00.000Z");
    // 02:05 is inside the half-hour gap (02:00 jumps to 02:30): it opens at the jump, 15:30Z.
    expect(opening("Australia/Lord_Howe", { start: 125, end: 1260 }, "2026-10-03T13:00:00Z")).toBe("2026-10-03T15:30:00.000Z");
  });

  it("is never early and never later than the first open minute, whatever the zone and instant", () => {
    const zones = ["America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "America/St_Johns", "Pacific/Chatham", "Europe/London", "Pacific/Honolulu"];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 11, 31) }),
        fc.integer({ min: 0, max: 1_380 }),
        fc.integer({ min: 30, max: 1_440 }),
        (zone, ms, start, length) => {
          const window = { start, end: Math.min(1_440, start + length) };
          const from = new Date(ms);
          const open = nextOpening(zone, window, from);
          expect(open.getTime()).toBeGreaterThanOrEqual(ms);
          expect(isInside(zone, window, open)).toBe(true);
          // A minute (or, in a gap, a second) earlier it was still closed, unless it is `from` itself.
          if (open.getTime() > ms) expect(isInside(zone, window, new Date(Math.max(ms, open.getTime() - 1_000)))).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("nextClosing", () => {
  it("is the end's wall time, midnight for a window to 24:00, and never for one open all day", () => {
    expect(nextClosing("America/New_York", DEFAULT_WINDOW, at("2026-06-01T15:00:00Z"))!.toISOString()).toBe("2026-06-02T01:00:00.000Z");
    expect(nextClosing("America/New_York", windowFor(DEFAULT_WINDOW, "FL"), at("2026-06-01T15:00:00Z"))!.toISOString()).toBe("2026-06-02T00:00:00.000Z");
    expect(nextClosing("Asia/Kolkata", { start: 480, end: 1_440 }, at("2026-03-09T04:00:00Z"))!.toISOString()).toBe("2026-03-09T18:30:00.000Z");
    expect(nextClosing("UTC", { start: 0, end: 1_440 }, at("2026-03-09T04:00:00Z"))).toBeNull();
  });

  it("is always after the instant, with the window closed then and open a second before", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kolkata"),
        fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 11, 31) }),
        (zone, ms) => {
          const open = nextOpening(zone, DEFAULT_WINDOW, new Date(ms));
          const close = nextClosing(zone, DEFAULT_WINDOW, open)!;
          expect(close.getTime()).toBeGreaterThan(open.getTime());
          expect(isInside(zone, DEFAULT_WINDOW, close)).toBe(false);
          expect(isInside(zone, DEFAULT_WINDOW, new Date(close.getTime() - 1_000))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
