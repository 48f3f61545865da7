/** "93.4%" of a part in a whole; "—" when there is no whole yet. */
export function percent(part: number, whole: number): string {
  if (whole <= 0) return "—";
  const p = (100 * part) / whole;
  return `${p >= 10 || p === 0 ? Math.round(p * 10) / 10 : Math.round(p * 100) / 100}%`;
}
