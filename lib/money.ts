// Prices are integers in millionths of the org's currency (connection prices, Message.priceMicros):
// sums stay exact. These convert between that and the decimal text people type and read.
const DECIMALS = 6;

/** "0.0079" -> 7900; null for anything that is not a non-negative decimal with at most 6 places. */
export function microsFromDecimal(text: string): number | null {
  const match = /^(\d{1,9})(?:\.(\d{0,6}))?$|^\.(\d{1,6})$/.exec(text.trim());
  if (!match) return null;
  const whole = match[1] ?? "0";
  const fraction = (match[2] ?? match[3] ?? "").padEnd(DECIMALS, "0");
  // String arithmetic, not parseFloat: 0.0079 * 1e6 is 7899.999999999999 in floating point.
  return Number(whole) * 10 ** DECIMALS + Number(fraction);
}

/** 7900 -> "0.0079"; at least two decimal places, trailing zeros beyond them dropped. */
export function decimalFromMicros(micros: number): string {
  const whole = Math.floor(micros / 10 ** DECIMALS);
  const fraction = String(micros % 10 ** DECIMALS).padStart(DECIMALS, "0").replace(/0+$/, "").padEnd(2, "0");
  return `${whole}.${fraction}`;
}
