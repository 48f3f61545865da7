// The ids heard lately, to drop the second copy of an event: a catch-up reads some rows that were
// heard already (lib/realtime/live-cursor.ts). Bounded: the oldest are forgotten first.
export class RecentIds {
  private readonly ids = new Set<string>();

  constructor(private readonly capacity: number) {}

  /** Records `id`; false if it was already there (a duplicate). */
  add(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.capacity) this.ids.delete(this.ids.values().next().value as string);
    return true;
  }
}

/** The later of two catch-up points (xid8 as text; either may be null). */
export function laterHorizon(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return BigInt(a) >= BigInt(b) ? a : b;
}
