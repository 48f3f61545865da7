// The choices of the location rules, for the builder's pickers and the compiler's checks alike:
// countries (the NANP's by area code, the others by calling code, each named by its main country),
// US states, Canadian provinces and US territories, and NANP area codes. Runs in the browser too.
import metadata from "libphonenumber-js/metadata.min.json";
import { areaCodeInfo, NANP_AREA_CODES } from "@/lib/sms/area-codes";

export interface LocationChoice {
  value: string;
  label: string;
}

const REGION_NAMES: Record<string, string> = {
  AL: "Alabama", AK: "Alaska", AZ: "Arizona", AR: "Arkansas", CA: "California", CO: "Colorado", CT: "Connecticut", DE: "Delaware",
  DC: "District of Columbia", FL: "Florida", GA: "Georgia", HI: "Hawaii", ID: "Idaho", IL: "Illinois", IN: "Indiana", IA: "Iowa",
  KS: "Kansas", KY: "Kentucky", LA: "Louisiana", ME: "Maine", MD: "Maryland", MA: "Massachusetts", MI: "Michigan", MN: "Minnesota",
  MS: "Mississippi", MO: "Missouri", MT: "Montana", NE: "Nebraska", NV: "Nevada", NH: "New Hampshire", NJ: "New Jersey",
  NM: "New Mexico", NY: "New York", NC: "North Carolina", ND: "North Dakota", OH: "Ohio", OK: "Oklahoma", OR: "Oregon",
  PA: "Pennsylvania", RI: "Rhode Island", SC: "South Carolina", SD: "South Dakota", TN: "Tennessee", TX: "Texas", UT: "Utah",
  VT: "Vermont", VA: "Virginia", WA: "Washington", WV: "West Virginia", WI: "Wisconsin", WY: "Wyoming",
  AB: "Alberta", BC: "British Columbia", MB: "Manitoba", NB: "New Brunswick", NL: "Newfoundland and Labrador",
  NS: "Nova Scotia and Prince Edward Island", NT: "Northwest Territories, Nunavut and Yukon", ON: "Ontario", QC: "Quebec", SK: "Saskatchewan",
  PR: "Puerto Rico", GU: "Guam", VI: "U.S. Virgin Islands", AS: "American Samoa", MP: "Northern Mariana Islands",
};

/** Calling code → the countries that share it, the main one first (libphonenumber's metadata). */
export const CALLING_CODES = metadata.country_calling_codes as Record<string, string[]>;

/** The countries of the NANP (+1), each told apart by area code. */
export const NANP_COUNTRIES: ReadonlySet<string> = new Set(NANP_AREA_CODES.map((code) => areaCodeInfo(code)!.country));

const countryName = (code: string) => {
  try {
    return new Intl.DisplayNames(["en"], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
};
const byLabel = (a: LocationChoice, b: LocationChoice) => a.label.localeCompare(b.label);

/** The countries a country rule can name: the NANP's and the main country of every other calling code. */
export function countryChoices(): LocationChoice[] {
  const codes = new Set(NANP_COUNTRIES);
  for (const [code, countries] of Object.entries(CALLING_CODES)) if (code !== "1" && countries[0] !== "001") codes.add(countries[0]!);
  return [...codes].map((value) => ({ value, label: countryName(value) })).sort(byLabel);
}

/** US states (and DC), Canadian provinces and territories, US territories: those an area code names. */
export function stateChoices(): (LocationChoice & { country: string })[] {
  const seen = new Map<string, string>();
  for (const code of NANP_AREA_CODES) {
    const info = areaCodeInfo(code)!;
    if (info.region) seen.set(info.region, info.country);
  }
  return [...seen].map(([value, country]) => ({ value, country, label: REGION_NAMES[value] ?? value })).sort(byLabel);
}

/** Every NANP area code, with where it is ("907 · Alaska", "876 · Jamaica"). */
export function areaCodeChoices(): LocationChoice[] {
  return NANP_AREA_CODES.map((value) => {
    const info = areaCodeInfo(value)!;
    return { value, label: `${value} · ${info.region ? (REGION_NAMES[info.region] ?? info.region) : countryName(info.country)}` };
  });
}
