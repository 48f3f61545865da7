// NANP area codes (+1): the country or territory, the state or province, and the time zone most of
// a code's numbers keep. Data: lib/sms/data/nanp-area-codes.json (where it comes from: its README).
import areaCodeData from "./data/nanp-area-codes.json";

export interface AreaCode {
  /** ISO country (territories such as PR and GU are their own, as in libphonenumber). */
  country: string;
  /** The US state (or DC), the Canadian province or territory, or the US territory's code; null elsewhere (Caribbean countries). */
  region: string | null;
  timeZone: string;
}

const AREA_CODES = areaCodeData as Record<string, AreaCode>;

/** Every NANP area code in the data, ascending. */
export const NANP_AREA_CODES: readonly string[] = Object.keys(AREA_CODES).sort();

export function areaCodeInfo(areaCode: string): AreaCode | null {
  return AREA_CODES[areaCode] ?? null;
}

/** The area code of a +1 E.164 number ("+19075550123" → "907"); null for other countries. */
export function areaCodeOf(e164: string): string | null {
  return /^\+1\d{10}$/.test(e164) ? e164.slice(2, 5) : null;
}

/** The area codes whose entry passes `test`, ascending. */
export function areaCodesWhere(test: (info: AreaCode, areaCode: string) => boolean): string[] {
  return NANP_AREA_CODES.filter((code) => test(AREA_CODES[code]!, code));
}
