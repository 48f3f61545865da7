// When a sender finishes its share of a campaign: it sends at its throughput, a recipient only from
// its send time (local-time and spread schedules set one each) and only while its quiet-hours window
// is open (the dispatcher holds the others until it opens: lib/delivery/quiet-hold.ts). A campaign
// that cannot finish before a window closes goes on when it opens again, so 1M recipients through
// one number at 1/s (11.6 days of sending) take about 21 days at 13 open hours a day.
//
// A step simulation over slices of time up to a horizon, O(groups x slices): the plan groups its
// recipients by window and send time, so groups are few. Within a slice the sender works through the
// groups in send-time order at its pace (a fluid model: the finish is exact for a campaign that meets
// no closed window), each group only within the part of the slice its window is open.
import { nextClosing, nextOpening, type SendWindow } from "@/lib/sms/quiet-hours";

/** Beyond this the plan says "more than 60 days" instead of a date. */
export const FINISH_HORIZON_DAYS = 60;

const SLICE_MS = 5 * 60_000;
const DAY_MS = 86_400_000;

export interface Backlog {
  recipients: number;
  /** None of them goes before this (ms); the start when earlier. */
  sendAt: number;
  /** Their quiet hours in `zone`; null when they are not held (no zone known). */
  quiet: { zone: string; window: SendWindow } | null;
}

/** A window's open spans ([open, close) in ms), found as the simulation reaches them. */
class Spans {
  private open = -Infinity;
  private close = -Infinity;
  constructor(private readonly zone: string, private readonly window: SendWindow) {}

  /** The span open at `t`, else the next one (up to `until`), else null. */
  at(t: number, until: number): readonly [number, number] | null {
    if (this.close <= t) {
      this.open = nextOpening(this.zone, this.window, new Date(t)).getTime();
      this.close = nextClosing(this.zone, this.window, new Date(this.open))?.getTime() ?? Infinity;
    }
    return this.open < until ? [this.open, this.close] : null;
  }
}

/**
 * The instant (ms) the sender sends the last of `backlog`, starting at `startAt` at `throughput`
 * messages a second; null when that is beyond FINISH_HORIZON_DAYS (or there is nothing to send).
 */
export function finishTime(backlog: Backlog[], startAt: number, throughput: number): number | null {
  const rate = Math.max(1, throughput) / 1000;
  const horizon = startAt + FINISH_HORIZON_DAYS * DAY_MS;
  const spansOf = new Map<string, Spans>();
  const pending = backlog
    .filter((b) => b.recipients > 0)
    .map((b) => {
      const key = b.quiet ? `${b.quiet.zone} ${b.quiet.window.start} ${b.quiet.window.end}` : "";
      if (b.quiet && !spansOf.has(key)) spansOf.set(key, new Spans(b.quiet.zone, b.quiet.window));
      return { left: b.recipients, sendAt: Math.max(startAt, b.sendAt), spans: spansOf.get(key) ?? null };
    })
    .sort((a, b) => a.sendAt - b.sendAt);
  if (pending.length === 0) return null;

  let finish = startAt;
  for (let t = startAt; pending.length > 0; ) {
    if (t >= horizon) return null;
    const end = Math.min(horizon, (Math.floor(t / SLICE_MS) + 1) * SLICE_MS);
    let cursor = t;
    for (let i = 0; i < pending.length && cursor < end; ) {
      const g = pending[i]!;
      if (g.sendAt >= end) break;
      // The part of the slice its window is open (a slice is shorter than any open or closed stretch).
      const span = g.spans ? g.spans.at(t, end) : ([t, end] as const);
      const from = Math.max(cursor, g.sendAt, span?.[0] ?? end);
      const until = Math.min(end, span?.[1] ?? end);
      if (from >= until) {
        i++;
        continue;
      }
      const sent = Math.min(g.left, (until - from) * rate);
      g.left -= sent;
      cursor = from + sent / rate;
      if (g.left < 1e-6) {
        finish = Math.max(finish, cursor);
        pending.splice(i, 1);
      } else i++;
    }
    t = end;
  }
  return Math.round(finish);
}
