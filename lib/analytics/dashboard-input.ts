// The dashboard's period and the alert thresholds' form, as the page and the procedures read them
// (pure zod, no server code). A period is a run of whole UTC days, both ends included: the rollup's
// days (lib/analytics/aggregate-days.ts).
import { z } from "zod";

const DAY_MS = 86_400_000;
export const MAX_PERIOD_DAYS = 366;

const day = z.iso.date("A day as YYYY-MM-DD");

export const dashboardPeriodInput = z
  .strictObject({ from: day, to: day })
  .refine((p) => p.from <= p.to, { message: "The period ends before it starts", path: ["to"] })
  .refine((p) => periodDays(p) <= MAX_PERIOD_DAYS, { message: `At most ${MAX_PERIOD_DAYS} days`, path: ["from"] });
export type DashboardPeriod = z.output<typeof dashboardPeriodInput>;

export function periodDays(p: DashboardPeriod): number {
  return Math.round((Date.parse(p.to) - Date.parse(p.from)) / DAY_MS) + 1;
}

export function addDays(dayText: string, days: number): string {
  return new Date(Date.parse(dayText) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The same number of days just before. */
export function previousPeriod(p: DashboardPeriod): DashboardPeriod {
  const n = periodDays(p);
  return { from: addDays(p.from, -n), to: addDays(p.from, -1) };
}

/** The last `days` UTC days up to today. */
export function lastDays(days: number, now = new Date()): DashboardPeriod {
  const today = now.toISOString().slice(0, 10);
  return { from: addDays(today, 1 - days), to: today };
}

// In basis points of the messages sent over 7 days; the defaults are Klaviyo's (5% and 1.3%).
const bps = (label: string) => z.int(`${label}: a percentage such as 5 or 1.3`).min(1, `${label}: above 0%`).max(10_000, `${label}: at most 100%`);
export const updateAlertThresholdsInput = z.strictObject({ failureAlertBps: bps("Failures"), optOutAlertBps: bps("Opt-outs") });
export type UpdateAlertThresholdsInput = z.input<typeof updateAlertThresholdsInput>;
