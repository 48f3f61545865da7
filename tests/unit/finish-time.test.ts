import { describe, expect, it } from "vitest";
import { finishTime, type Backlog } from "@/lib/campaigns/finish-time";
import { DEFAULT_WINDOW, windowFor } from "@/lib/sms/quiet-hours";

const ms = (iso: string) => Date.parse(iso);
const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
const NY = { zone: "America/New_York", window: DEFAULT_WINDOW };
const group = (recipients: number, quiet: Backlog["quiet"], sendAt = 0): Backlog => ({ recipients, sendAt, quiet });

describe("finishTime", () => {
  it("is the start plus recipients over throughput when no window closes", () => {
    const start = ms("2026-06-01T15:00:00Z"); // 11:00 in New York
    expect(iso(finishTime([group(3_600, NY)], start, 10))).toBe("2026-06-01T15:06:00.000Z");
    expect(iso(finishTime([group(1_000, null), group(800, null)], start, 1))).toBe("2026-06-01T15:30:00.000Z");
    expect(finishTime([], start, 10)).toBeNull();
  });

  it("goes on the next morning when the campaign cannot finish before 21:00", () => {
    // 20:00 EDT: an hour's worth (3,600 at 1/s) goes before 21:00, the rest from 08:00 (12:00Z).
    const start = ms("2026-06-02T00:00:00Z");
    expect(iso(finishTime([group(5_400, NY)], start, 1))).toBe("2026-06-02T12:30:00.000Z");
  });

  it("holds recipients in quiet hours at the start until their window opens", () => {
    // 05:00 in New York and 02:00 in Los Angeles: New York's go at 08:00 EDT, Los Angeles's at 08:00 PDT.
    const start = ms("2026-06-01T09:00:00Z");
    const la = { zone: "America/Los_Angeles", window: DEFAULT_WINDOW };
    expect(iso(finishTime([group(600, NY)], start, 1))).toBe("2026-06-01T12:10:00.000Z");
    expect(iso(finishTime([group(600, NY), group(600, la)], start, 1))).toBe("2026-06-01T15:10:00.000Z");
  });

  it("ends Florida's day at 20:00", () => {
    // 19:30 EDT in Miami: half an hour to 20:00, the other half from 08:00 the next day.
    const start = ms("2026-06-01T23:30:00Z");
    const miami = { zone: "America/New_York", window: windowFor(DEFAULT_WINDOW, "FL") };
    expect(iso(finishTime([group(3_600, miami)], start, 1))).toBe("2026-06-02T12:30:00.000Z");
    // Its neighbour outside Florida sends until 21:00 and finishes the same evening.
    expect(iso(finishTime([group(3_600, NY)], start, 1))).toBe("2026-06-02T00:30:00.000Z");
  });

  it("opens at 08:00 local across New York's fall back (2026-11-01): 13:00Z, not 12:00Z", () => {
    // Saturday 20:30 EDT: 1,800 go before 21:00, the other 1,800 from Sunday 08:00 EST.
    const start = ms("2026-11-01T00:30:00Z");
    expect(iso(finishTime([group(3_600, NY)], start, 1))).toBe("2026-11-01T13:30:00.000Z");
    // And across spring forward (2026-03-08): Sunday 08:00 EDT is 12:00Z.
    expect(iso(finishTime([group(3_600, NY)], ms("2026-03-08T01:30:00Z"), 1))).toBe("2026-03-08T12:30:00.000Z");
  });

  it("waits for each recipient's send time (local-time and spread schedules)", () => {
    const start = ms("2026-06-01T13:00:00Z"); // 09:00 in New York
    const backlog = [group(600, NY, ms("2026-06-01T14:00:00Z")), group(600, NY, ms("2026-06-01T18:00:00Z"))];
    expect(iso(finishTime(backlog, start, 1))).toBe("2026-06-01T18:10:00.000Z");
  });

  it("takes about 21 days for 1M recipients through one number at 1/s, sending 13 hours a day", () => {
    const start = ms("2026-06-01T12:00:00Z"); // 08:00 EDT, the window opening
    const finish = finishTime([group(1_000_000, NY)], start, 1)!;
    const days = (finish - start) / 86_400_000;
    // 1,000,000 s is 277.8 open hours: 21 full days of 13 hours and 4.8 hours of the 22nd.
    expect(days).toBeCloseTo(21 + 4.78 / 24, 2);
    // Without quiet hours it is 11.6 days of sending.
    expect((finishTime([group(1_000_000, null)], start, 1)! - start) / 86_400_000).toBeCloseTo(11.574, 3);
  });

  it("is null beyond 60 days", () => {
    expect(finishTime([group(5_000_000, NY)], ms("2026-06-01T12:00:00Z"), 1)).toBeNull();
  });
});
