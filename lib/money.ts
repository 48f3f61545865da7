// Prices are integers in millionths of the currency (connection prices, Message.priceMicros): sums
// stay exact. These convert between that and the decimal text people type and read.
const DECIMALS = 6;

/** The one currency prices are in: there is no currency per org yet. */
export const CURRENCY = "USD";

// Down to the micro, so a per-segment price such as 0.0079 is shown as typed, not rounded to cents.
const moneyFormat = new Intl.NumberFormat("en-US", { style: "currency", currency: CURRENCY, minimumFractionDigits: 2, maximumFractionDigits: DECIMALS });

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

/** 7900 -> "$0.0079": a price as money, with its currency. */
export function formatMoney(micros: number): string {
  // micros / 10^6 is not exact in floating point, but rounding to 6 places gives the digits back.
  return moneyFormat.format(micros / 10 ** DECIMALS);
}
