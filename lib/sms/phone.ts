// Phone numbers: parsing to E.164 and the time zone a number most likely lives in.
import { parsePhoneNumberFromString, isSupportedCountry, type CountryCode } from "libphonenumber-js/max";
import { areaCodeInfo, areaCodeOf } from "./area-codes";
import { fastE164Country } from "@/lib/sms/fast-e164";
import prefixZones from "./data/phone-timezones.json";

export type PhoneResult =
  | { ok: true; e164: string; country: string | undefined }
  | { ok: false; message: string };

// Parsing with full metadata costs ~20 µs a number (a +1 number is tried against every NANP
// region), and bulk sends see the same numbers again and again: the latest answers are kept.
// Two generations rather than evicting the oldest key one by one: a Map's first key, after many
// deletions at its front, is found by walking their tombstones, which made every miss cost ~35 µs
// once the memo was full (a million-row import was all misses).
const MEMO_SIZE = 50_000;
let memo = new Map<string, PhoneResult>();
let previousMemo = new Map<string, PhoneResult>();

/** Parses what a person typed ("(415) 555-0123", "+44 7911 123456") into E.164. */
export function normalizePhone(input: string, defaultCountry: string): PhoneResult {
  const key = `${defaultCountry}|${input}`;
  let result = memo.get(key);
  if (!result) {
    result = previousMemo.get(key) ?? parse(input, defaultCountry);
    if (memo.size >= MEMO_SIZE) {
      previousMemo = memo;
      memo = new Map();
    }
    memo.set(key, result);
  }
  return result;
}

// "+1 (415) 555-0123", "tel:+1-415-555-0123" and, in a NANP country, "415.555.0123" or
// "1 415 555 0123" are E.164 once their punctuation is dropped: tried on the fast path first.
const PUNCTUATION = /[\s().\-]/g;
const NANP_DEFAULTS = new Set(["US", "CA", "PR", "VI", "GU", "AS", "MP"]);

function asE164(trimmed: string, defaultCountry: string): string | undefined {
  const compact = trimmed.replace(/^tel:/i, "").replace(PUNCTUATION, "");
  if (compact.startsWith("+")) return compact;
  if (!NANP_DEFAULTS.has(defaultCountry) || !/^\d+$/.test(compact)) return undefined;
  if (compact.length === 10) return `+1${compact}`;
  if (compact.length === 11 && compact.startsWith("1")) return `+${compact}`;
  return undefined;
}

/**
 * normalizePhone without the memo, for numbers seen once each (an import's rows, duplicates being
 * bad rows): there every lookup misses, and the memo's keys and generations cost more than the
 * fast path they would save.
 */
export function parsePhoneOnce(input: string, defaultCountry: string): PhoneResult {
  return parse(input, defaultCountry);
}

function parse(input: string, defaultCountry: string): PhoneResult {
  const trimmed = input.trim();
  if (!trimmed) return { ok: false, message: "Phone number is required" };
  const candidate = asE164(trimmed, defaultCountry);
  const fastCountry = candidate === undefined ? undefined : fastE164Country(candidate);
  if (fastCountry) return { ok: true, e164: candidate!, country: fastCountry };
  if (/[a-z]/i.test(trimmed.replace(/ext\.?|x/gi, ""))) {
    return { ok: false, message: `"${trimmed}" is not a phone number: it contains letters` };
  }
  const country = isSupportedCountry(defaultCountry) ? (defaultCountry as CountryCode) : undefined;
  const parsed = parsePhoneNumberFromString(trimmed, country);
  if (!parsed) {
    return { ok: false, message: `"${trimmed}" is not a phone number (use +country code, e.g. +14155550123)` };
  }
  if (!parsed.isValid()) {
    const where = parsed.country ?? country;
    return {
      ok: false,
      message: `"${trimmed}" is not a valid ${where ? `${where} ` : ""}phone number`,
    };
  }
  return { ok: true, e164: parsed.number, country: parsed.country };
}

const zonesByPrefix = prefixZones as Record<string, string>;
const longestPrefix = Math.max(...Object.keys(zonesByPrefix).map((k) => k.length));

function utcOffsetMinutes(zone: string, at: Date): number {
  const text = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" })
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName")?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(text ?? "");
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === "-" ? -minutes : minutes;
}

// How many prefixes name each zone alone: of zones that keep the same clock, the most named one is
// the one people expect (+44: Europe/London, not Europe/Guernsey, first in the alphabet).
const soleUses = new Map<string, number>();
for (const entry of Object.values(zonesByPrefix)) if (!entry.includes("&")) soleUses.set(entry, (soleUses.get(entry) ?? 0) + 1);

/** The zone a prefix's entry names: its only zone, or the most named of zones that keep one clock; else null. */
function zoneOfEntry(entry: string): string | null {
  if (!entry.includes("&")) return entry;
  // Comparing the zones' clocks formats dates in each (~50 µs; an import asks a million times): kept per entry and year.
  const cacheKey = `${new Date().getUTCFullYear()}|${entry}`;
  const known = sharedZones.get(cacheKey);
  if (known !== undefined) return known;
  const zones = entry.split("&");
  const zone = sameClock(zones) ? zones.reduce((best, z) => ((soleUses.get(z) ?? 0) > (soleUses.get(best) ?? 0) ? z : best)) : null;
  sharedZones.set(cacheKey, zone);
  return zone;
}
const sharedZones = new Map<string, string | null>();

/** The zone of exactly this prefix (country calling code and leading digits) of libphonenumber's map; null when none or several clocks. */
export function timeZoneOfPrefix(digits: string): string | null {
  const entry = zonesByPrefix[digits];
  return entry ? zoneOfEntry(entry) : null;
}

/**
 * The IANA zone of an E.164 number, from the longest matching libphonenumber prefix. Where the
 * prefix spans several zones that keep the same clock all year (UK and its islands), the most
 * named of them. Where their clocks differ, a +1 number takes its area code's zone
 * (lib/sms/area-codes.ts: Alaska's 907 spans Anchorage and Adak, most of its numbers keep
 * Anchorage's clock); elsewhere there is no answer.
 */
export function timeZoneForPhone(e164: string): string | null {
  const digits = e164.replace(/\D/g, "");
  for (let len = Math.min(longestPrefix, digits.length); len > 0; len--) {
    const entry = zonesByPrefix[digits.slice(0, len)];
    if (!entry) continue;
    const zone = zoneOfEntry(entry);
    if (zone) return zone;
    break;
  }
  const areaCode = areaCodeOf(`+${digits}`);
  return areaCode ? (areaCodeInfo(areaCode)?.timeZone ?? null) : null;
}

function sameClock(zones: string[]): boolean {
  const year = new Date().getUTCFullYear();
  const seasons = [new Date(Date.UTC(year, 0, 15)), new Date(Date.UTC(year, 6, 15))];
  const key = (z: string) => seasons.map((d) => utcOffsetMinutes(z, d)).join(",");
  const first = key(zones[0]!);
  return zones.every((z) => key(z) === first);
}

