import { describe, expect, it } from "vitest";
import { nextCronTime, parseCron } from "@/executor/cron";
import { dueParams } from "@/executor/driver/steps";
import { parseDuration } from "@/executor/durations";

const next = (cron: string, after: string) => nextCronTime(parseCron(cron), new Date(after)).toISOString();

describe("cron schedules", () => {
  it.each([
    ["* * * * *", "2026-03-10T10:15:30Z", "2026-03-10T10:16:00.000Z"],
    ["*/5 * * * *", "2026-03-10T10:15:00Z", "2026-03-10T10:20:00.000Z"],
    ["0 9 * * *", "2026-03-10T10:15:00Z", "2026-03-11T09:00:00.000Z"],
    ["30 8 * * mon-fri", "2026-03-13T09:00:00Z", "2026-03-16T08:30:00.000Z"],
    ["0 0 1 * *", "2026-03-10T00:00:00Z", "2026-04-01T00:00:00.000Z"],
    ["0 12 * jan,jul *", "2026-03-10T00:00:00Z", "2026-07-01T12:00:00.000Z"],
    ["0 0 * * 7", "2026-03-10T00:00:00Z", "2026-03-15T00:00:00.000Z"],
    ["15,45 10-11 * * *", "2026-03-10T10:50:00Z", "2026-03-10T11:15:00.000Z"],
    ["@hourly", "2026-03-10T10:15:00Z", "2026-03-10T11:00:00.000Z"],
    ["0 0 13 * 5", "2026-03-10T00:00:00Z", "2026-03-13T00:00:00.000Z"],
    ["TZ=America/New_York 0 9 * * *", "2026-03-10T12:00:00Z", "2026-03-10T13:00:00.000Z"],
    ["TZ=Europe/Paris 0 9 * * *", "2026-07-10T12:00:00Z", "2026-07-11T07:00:00.000Z"],
  ])("%s after %s is %s", (cron, after, expected) => {
    expect(next(cron, after)).toBe(expected);
  });

  it.each(["* * * *", "61 * * * *", "* * * * funday", "*/0 * * * *", "TZ=Mars/Olympus 0 9 * * *"])("refuses %s", (cron) => {
    expect(() => parseCron(cron)).toThrow();
  });
});

describe("time strings", () => {
  it.each([
    ["300ms", 300],
    ["1s", 1_000],
    ["1.5s", 1_500],
    ["2h45m", 9_900_000],
    ["1d", 86_400_000],
    ["1w", 604_800_000],
    ["1m30s", 90_000],
    ["500", 500],
  ])("%s is %d ms", (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(["", "soon", "1x", "s1", "1s soon"])("refuses %j", (text) => {
    expect(parseDuration(text)).toBeNull();
  });

  it("turns a sleep or timeout into a delay (database clock) or an instant", () => {
    expect(dueParams("90s")).toEqual([90_000, null]);
    expect(dueParams("2026-04-01T00:00:00.000Z")).toEqual([null, "2026-04-01T00:00:00.000Z"]);
    expect(dueParams("tomorrow")).toBeNull();
    expect(dueParams(undefined)).toBeNull();
  });
});
