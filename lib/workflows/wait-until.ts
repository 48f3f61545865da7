// A wait_until node's end: the next instant whose wall clock in the contact's zone reads HH:MM, on
// one of the chosen weekdays (none: any day). Strictly after `from`, so a run reaching the node at
// 10:00 for "10:00" waits a day (it would otherwise send twice in a loop).
import { nextOpening } from "@/lib/sms/quiet-hours";

const weekdayFormatters = new Map<string, Intl.DateTimeFormat>();

function weekdayIn(zone: string, at: Date): number {
  let f = weekdayFormatters.get(zone);
  if (!f) weekdayFormatters.set(zone, (f = new Intl.DateTimeFormat("en-US", { timeZone: zone, weekday: "short" })));
  return ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(f.format(at));
}

export function nextTimeOfDay(zone: string, time: string, weekdays: readonly number[], from: Date): Date {
  const [h, m] = time.split(":").map(Number) as [number, number];
  const minute = h * 60 + m;
  // The moment the one-minute window at HH:MM opens next: nextOpening knows DST gaps and repeats.
  const window = { start: minute, end: minute + 1 };
  let at = new Date(from.getTime() + 60_000);
  for (let i = 0; i < 9; i++) {
    const opening = nextOpening(zone, window, at);
    const aligned = new Date(Math.floor(opening.getTime() / 60_000) * 60_000);
    const candidate = aligned.getTime() > from.getTime() ? aligned : opening;
    if (weekdays.length === 0 || weekdays.includes(weekdayIn(zone, candidate))) return candidate;
    at = new Date(candidate.getTime() + 60_000);
  }
  throw new Error(`No ${time} on weekdays ${weekdays.join(",")} in ${zone} within a week of ${from.toISOString()}`);
}
