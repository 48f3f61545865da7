// The countries an organisation can default to: exactly those libphonenumber-js can parse numbers
// for (the same list org-input.ts validates against), named in English and sorted by name.
// Built on the server and passed down as props, so server and browser never disagree on the names
// (their ICU data can differ, which would break hydration).
import { getCountries } from "libphonenumber-js";

export interface CountryOption {
  code: string;
  name: string;
}

let cached: CountryOption[] | undefined;

export function countryOptions(): CountryOption[] {
  if (cached) return cached;
  const names = new Intl.DisplayNames(["en"], { type: "region" });
  cached = getCountries()
    .map((code) => ({ code, name: names.of(code) ?? code }))
    .sort((a, b) => a.name.localeCompare(b.name, "en"));
  return cached;
}
