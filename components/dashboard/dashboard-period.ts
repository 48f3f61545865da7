// The dashboard's period in the URL (?days=7|30|90, or ?from=&to= for a custom one), so a drill-down
// and Back return to the same view. UTC days, as the rollup counts them.
import { dashboardPeriodInput, lastDays, type DashboardPeriod } from "@/lib/analytics/dashboard-input";

export const PRESETS = [7, 30, 90] as const;

export type PeriodChoice = { kind: "preset"; days: (typeof PRESETS)[number] } | { kind: "custom"; period: DashboardPeriod };

export function choiceFromParams(params: URLSearchParams): PeriodChoice {
  const custom = dashboardPeriodInput.safeParse({ from: params.get("from"), to: params.get("to") });
  if (custom.success) return { kind: "custom", period: custom.data };
  const days = Number(params.get("days"));
  return { kind: "preset", days: PRESETS.find((p) => p === days) ?? 30 };
}

export function periodOf(choice: PeriodChoice, now = new Date()): DashboardPeriod {
  return choice.kind === "custom" ? choice.period : lastDays(choice.days, now);
}

export function choiceQuery(choice: PeriodChoice): string {
  return choice.kind === "custom" ? `?from=${choice.period.from}&to=${choice.period.to}` : choice.days === 30 ? "" : `?days=${choice.days}`;
}
