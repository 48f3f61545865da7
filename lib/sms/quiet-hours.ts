// Quiet hours: the local times at which marketing may reach a recipient. The US federal rule (TCPA,
// 47 CFR 64.1200(c)(1)) allows 08:00-21:00 in the recipient's zone; some states allow less, and
// some cap promotional texts per rolling 24 hours. An org may narrow the window, never widen it.
// Zones are IANA names read with Intl, which knows every change of offset (DST, half-hour zones),
// so no library is needed. The dispatcher makes the same test in SQL (lib/delivery/dispatch-round.ts).

/** Minutes after local midnight: open from `start` (inclusive) to `end` (exclusive), start < end. */
export interface SendWindow {
  start: number;
  end: number;
}

/** TCPA: 08:00-21:00 recipient local time. */
export const DEFAULT_WINDOW: SendWindow = { start: 480, end: 1260 };

const EIGHT_TO_EIGHT: SendWindow = { start: 480, end: 1200 };

/** States whose law ends the day at 20:00 (FL, CT, MD, OK, WA). */
export const STATE_WINDOWS: Readonly<Record<string, SendWindow>> = Object.freeze({
  FL: EIGHT_TO_EIGHT,
  CT: EIGHT_TO_EIGHT,
  MD: EIGHT_TO_EIGHT,
  OK: EIGHT_TO_EIGHT,
  WA: EIGHT_TO_EIGHT,
});

/** States that allow at most this many promotional texts per rolling 24 hours to one person. */
export const STATE_DAILY_CAPS: Readonly<Record<string, number>> = Object.freeze({ FL: 3, OK: 3, MD: 3 });

/** The org's window narrowed by the state's law where the number's state has one. */
export function windowFor(org: SendWindow, state: string | null): SendWindow {
  const law = (state && STATE_WINDOWS[state]) || null;
  return law ? { start: Math.max(org.start, law.start), end: Math.min(org.end, law.end) } : { start: org.start, end: org.end };
}

/** "08:00" for 480, "24:00" for 1440. */
export function clockTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    // Throws a RangeError naming the zone when Intl does not know it.
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The wall clock in `zone` at `ms`, written as if it were UTC (so calendar arithmetic is plain). */
function wallClock(zone: string, ms: number): number {
  const p = Object.fromEntries(formatter(zone).formatToParts(ms).map((x) => [x.type, Number(x.value)]));
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
}

const MINUTE = 60_000;
const DAY = 1_440 * MINUTE;

const minuteOfDay = (wall: number) => Math.floor((((wall % DAY) + DAY) % DAY) / MINUTE);

function inWindow(zone: string, window: SendWindow, ms: number): boolean {
  const m = minuteOfDay(wallClock(zone, ms));
  return m >= window.start && m < window.end;
}

export function isInside(zone: string, window: SendWindow, at: Date): boolean {
  return inWindow(zone, window, at.getTime());
}

/**
 * `at` if the window is open in `zone` then, else the first instant after it at which it opens.
 * A start inside a DST gap (the clock jumps past it) opens when the clock jumps; a start the clock
 * passes twice (fall back) opens at the first of them still ahead of `at`.
 */
export function nextOpening(zone: string, window: SendWindow, at: Date): Date {
  const now = at.getTime();
  if (inWindow(zone, window, now)) return at;
  const wall = wallClock(zone, now);
  let day = wall - (((wall % DAY) + DAY) % DAY);
  if (minuteOfDay(wall) >= window.start) day += DAY;
  // Two days is enough unless the zone skips a whole calendar day (Pacific/Apia, 2011).
  for (let i = 0; i < 3; i++, day += DAY) {
    const opening = openingOn(zone, window, day + window.start * MINUTE, now);
    if (opening !== null) return new Date(opening);
  }
  throw new Error(`No opening of the window ${window.start}-${window.end} in ${zone} within three days of ${at.toISOString()}`);
}

/**
 * The first instant after `at` (inside the window) at which the window closes in `zone`: the end's
 * wall time, or midnight for a window to 24:00; null for a window that never closes (00:00-24:00).
 */
export function nextClosing(zone: string, window: SendWindow, at: Date): Date | null {
  // The closed part of the day as a window of its own: it opens as this one closes.
  if (window.end < 1_440) return nextOpening(zone, { start: window.end, end: 1_440 }, at);
  return window.start > 0 ? nextOpening(zone, { start: 0, end: window.start }, at) : null;
}

/** The first instant >= `notBefore` whose wall clock reads `wanted` (or, in a gap, passes it). */
function openingOn(zone: string, window: SendWindow, wanted: number, notBefore: number): number | null {
  // The offsets a day either side cover any single change of offset near the wanted time.
  const offsets = [wallClock(zone, wanted - DAY) - (wanted - DAY), wallClock(zone, wanted + DAY) - (wanted + DAY)];
  const candidates = offsets.map((offset) => wanted - offset);
  const exact = candidates.filter((ms) => ms >= notBefore && wallClock(zone, ms) === wanted);
  if (exact.length > 0) return Math.min(...exact);
  // A gap: the wall clock never reads `wanted`. The window opens at the jump, somewhere between
  // the two candidates (outside before it, inside after): find it to the second.
  let [lo, hi] = [Math.max(Math.min(...candidates), notBefore), Math.max(...candidates)];
  if (hi < notBefore || !inWindow(zone, window, hi)) return null;
  if (inWindow(zone, window, lo)) return lo;
  while (hi - lo > 1_000) {
    const mid = lo + Math.ceil((hi - lo) / 2_000) * 1_000;
    if (inWindow(zone, window, mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}
