// Calendar days (YYYY-MM-DD) for date rules: today in a zone, day arithmetic, and the month-days an
// anniversary window covers. Pure, so the compiler's day maths is unit-tested without a database.

/** The local date of `at` in `timeZone`, as YYYY-MM-DD. */
export function localDay(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part("year")}-${part("month")}-${part("day")}`;
}

const toUtc = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** `day` moved by `days` (negative: back). */
export function addDays(day: string, days: number): string {
  return fromUtc(toUtc(day) + days * 86_400_000);
}

/** Whether `day` is a real date (2026-02-30 is not). */
export function isRealDay(day: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && fromUtc(toUtc(day)) === day;
}

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/**
 * The month-days ("MM-DD") of `today` and the `days` days after it: whose anniversary falls in
 * that window. Someone born on Feb 29 celebrates on Feb 28 in a year without one. Null when the
 * window covers every day of the year (everyone with a date is in it).
 */
export function anniversaryMonthDays(today: string, days: number): string[] | null {
  if (days >= 365) return null;
  const monthDays = new Set<string>();
  for (let i = 0; i <= days; i++) {
    const day = addDays(today, i);
    const monthDay = day.slice(5);
    monthDays.add(monthDay);
    if (monthDay === "02-28" && !isLeap(Number(day.slice(0, 4)))) monthDays.add("02-29");
  }
  return monthDays.size >= 366 ? null : [...monthDays].sort();
}
