// A small deterministic PRNG, so every fresh database gets the same demo data.
export type Random = () => number;

export function prng(seed: number): Random {
  return () => {
    seed = (seed * 1664525 + 1013904223) % 2 ** 32;
    return seed / 2 ** 32;
  };
}

export const pickWith = (random: Random) => <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
