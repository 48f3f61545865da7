// When a failed delivery is tried again: Svix's schedule (immediately, then 5 s, 5 min, 30 min, 2 h,
// 5 h, 10 h, 10 h), 8 attempts over about 27.5 hours, so a receiver down for a day still gets
// everything. Pure, so the schedule is tested without waiting for it.

/** Delay before each attempt after the first, in milliseconds. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000];

/**
 * When attempt `attempts + 1` is due after `attempts` failed ones ended at `now`, or null when the
 * schedule is over and the delivery has failed for good.
 */
export function nextAttemptAt(attempts: number, now: Date, delaysMs: readonly number[] = DEFAULT_RETRY_DELAYS_MS): Date | null {
  const delay = delaysMs[attempts - 1];
  return delay === undefined ? null : new Date(now.getTime() + delay);
}

/** How long the whole schedule lasts from the first attempt to the last. */
export function scheduleSpanMs(delaysMs: readonly number[] = DEFAULT_RETRY_DELAYS_MS): number {
  return delaysMs.reduce((sum, d) => sum + d, 0);
}
