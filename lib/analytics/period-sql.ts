// A period's bounds as SQL reads them: `day` columns compare with the days, timestamps (UTC) with
// the first midnight and the one after the last day.
import { addDays, type DashboardPeriod } from "@/lib/analytics/dashboard-input";

export function instants(p: DashboardPeriod): { start: Date; end: Date } {
  return { start: new Date(`${p.from}T00:00:00Z`), end: new Date(`${addDays(p.to, 1)}T00:00:00Z`) };
}
