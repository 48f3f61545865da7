// Inngest time strings ("300ms", "2h45m", "1.5s", "1d", "1w"), as the SDK sends them for sleeps,
// wait and invoke timeouts, batch and debounce periods.

const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

const PART = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h|d|w)/y;

/** Milliseconds in a time string, or null when it is not one. A bare number is milliseconds. */
export function parseDuration(input: string | number): number | null {
  if (typeof input === "number") return Number.isFinite(input) && input >= 0 ? input : null;
  const text = input.trim();
  if (/^\d+$/.test(text)) return Number(text);
  if (text === "") return null;
  let total = 0;
  PART.lastIndex = 0;
  while (PART.lastIndex < text.length) {
    const start = PART.lastIndex;
    const match = PART.exec(text);
    if (!match || match.index !== start) return null;
    total += Number(match[1]) * UNIT_MS[match[2]!]!;
  }
  return total;
}
