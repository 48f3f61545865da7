// What may go out on one bind, and when: at most `window` submit_sm awaiting their response, at
// most `perSecond` a second (a token bucket holding a few tokens: paced, not a burst a second), and
// nothing while the SMSC asked us to back off. Waiters are served first come, first served.

export class SubmitGate {
  private inFlight = 0;
  private tokens: number;
  private refilledAt = performance.now();
  private pausedUntil = 0;
  private readonly burst: number;
  // A queue as an array and a head index: shift() on tens of thousands of waiters copies them all.
  private waiters: (() => void)[] = [];
  private head = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly window: number,
    private readonly perSecond: number,
  ) {
    // 10 ms worth of tokens (at least one, at most a window): high limits are not held back by
    // timer resolution, low ones go out evenly spaced.
    this.burst = Math.max(1, Math.min(window, Math.ceil(perSecond / 100)));
    this.tokens = this.burst;
  }

  /** Resolves when a submit may be written; call release() when its response (or failure) is in. */
  acquire(): Promise<void> {
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      this.pump();
    });
  }

  release() {
    this.inFlight--;
    this.pump();
  }

  /** No submit starts for `ms` from now (the SMSC said it is throttling us or its queue is full). */
  backOff(ms: number) {
    this.pausedUntil = Math.max(this.pausedUntil, performance.now() + ms);
  }

  private pump() {
    const now = performance.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.refilledAt) * this.perSecond) / 1000);
    this.refilledAt = now;
    while (this.head < this.waiters.length && this.inFlight < this.window && now >= this.pausedUntil && this.tokens >= 1) {
      this.tokens -= 1;
      this.inFlight++;
      this.waiters[this.head++]!();
    }
    if (this.head === this.waiters.length) {
      this.waiters = [];
      this.head = 0;
      return;
    }
    if (this.inFlight >= this.window || this.timer) return;
    // Waiting for time (a token or the end of a back-off), not for a response: wake up then.
    const wait = Math.max(this.pausedUntil - now, ((1 - this.tokens) * 1000) / this.perSecond, 1);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.pump();
    }, wait);
  }
}
