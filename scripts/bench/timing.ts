// Timing helpers the benchmarks share: a call's wall time, and percentiles of samples.

/** The `p`th percentile (0-100) of samples sorted ascending. */
export function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** How long `fn` took, in ms, and what it gave. */
export async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await fn();
  return [performance.now() - start, result];
}
