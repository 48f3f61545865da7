// Location rules, read from the number (E.164) with data held in TypeScript: each compiles to a test
// of the phone against parameter sets (area codes, calling-code prefixes), so no SQL table is needed.
// - country: +1 numbers by their area code (lib/sms/area-codes.ts: US, CA, PR, JM...); others by
//   their calling code, which names its main country: +44 is GB, Jersey and Guernsey included. A
//   country that shares its calling code with a main one (JE, KZ...) is refused, naming that one.
// - state: the US state (or DC), Canadian province or US territory of a +1 number's area code.
// - areaCode: the three digits after +1.
// - timeZone: the contact's time zone, or where it has none, the zone of its number: the area
//   code's for +1 numbers, the calling code's where that country keeps one clock.
import { Prisma } from "@/lib/generated/prisma/client";
import { CALLING_CODES as callingCodes, NANP_COUNTRIES, stateChoices } from "@/lib/segments/location-choices";
import { areaCodesWhere, NANP_AREA_CODES } from "@/lib/sms/area-codes";
import { timeZoneOfPrefix } from "@/lib/sms/phone";
import { isValidTimeZone } from "@/lib/sms/time-zone";
import { badRule } from "@/lib/segments/segment-fields";

const callingCodeOf = new Map<string, string>();
for (const [code, countries] of Object.entries(callingCodes)) for (const country of countries) callingCodeOf.set(country, code);

/** The area code of `c.phone` when it is a +1 number (NULL otherwise). */
const AREA_CODE = Prisma.sql`(CASE WHEN left(c.phone, 2) = '+1' THEN substring(c.phone from 3 for 3) END)`;

const inAreaCodes = (codes: string[]) => Prisma.sql`${AREA_CODE} = ANY(${codes}::text[])`;

function likeAnyPrefix(prefixes: string[]): Prisma.Sql {
  return prefixes.length === 0 ? Prisma.sql`false` : Prisma.sql`c.phone LIKE ANY(${prefixes.map((p) => `+${p}%`)}::text[])`;
}

export function countryMatch(countries: string[], path: string): Prisma.Sql {
  const nanp: string[] = [];
  const prefixes: string[] = [];
  countries.forEach((raw, i) => {
    const country = raw.trim().toUpperCase();
    if (NANP_COUNTRIES.has(country)) return nanp.push(country);
    const code = callingCodeOf.get(country);
    if (!code || code === "1") throw badRule(`"${raw}" is not a country code (use ISO codes like US, GB, DE)`, `${path}.value.${i}`);
    const main = callingCodes[code]![0]!;
    if (main !== country) throw badRule(`${country} shares +${code} with ${main}: choose ${main}`, `${path}.value.${i}`);
    prefixes.push(code);
  });
  const codes = areaCodesWhere((info) => nanp.includes(info.country));
  const parts = [...(codes.length ? [inAreaCodes(codes)] : []), ...(prefixes.length ? [likeAnyPrefix(prefixes)] : [])];
  return Prisma.sql`(${Prisma.join(parts, " OR ")})`;
}

const REGIONS = new Set(stateChoices().map((s) => s.value));

export function stateMatch(states: string[], path: string): Prisma.Sql {
  const wanted = states.map((raw, i) => {
    const state = raw.trim().toUpperCase();
    if (!REGIONS.has(state)) throw badRule(`"${raw}" is not a US state, Canadian province or US territory code`, `${path}.value.${i}`);
    return state;
  });
  return inAreaCodes(areaCodesWhere((info) => info.region !== null && wanted.includes(info.region)));
}

export function areaCodeMatch(codes: string[], path: string): Prisma.Sql {
  const known = new Set(NANP_AREA_CODES);
  codes.forEach((code, i) => {
    if (!known.has(code.trim())) throw badRule(`"${code}" is not a North American area code`, `${path}.value.${i}`);
  });
  return inAreaCodes(codes.map((c) => c.trim()));
}

export function timeZoneMatch(zones: string[], path: string): Prisma.Sql {
  zones.forEach((zone, i) => {
    if (!isValidTimeZone(zone)) throw badRule(`"${zone}" is not a time zone (use an IANA name like America/Chicago)`, `${path}.value.${i}`);
  });
  const codes = areaCodesWhere((info) => zones.includes(info.timeZone));
  // Calling codes (not +1) whose whole country keeps one clock, named by one of these zones.
  const prefixes = Object.keys(callingCodes).filter((code) => {
    const zone = code === "1" ? null : timeZoneOfPrefix(code);
    return zone !== null && zones.includes(zone);
  });
  const derived = [...(codes.length ? [inAreaCodes(codes)] : []), likeAnyPrefix(prefixes)];
  return Prisma.sql`(c."timeZone" = ANY(${zones}::text[]) OR (c."timeZone" IS NULL AND (${Prisma.join(derived, " OR ")})))`;
}
