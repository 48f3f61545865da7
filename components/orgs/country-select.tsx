import type { SelectHTMLAttributes } from "react";
import { Select } from "@/components/ui/input";
import type { CountryOption } from "@/components/orgs/country-options";

export function CountrySelect({ countries, ...props }: { countries: CountryOption[] } & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Select {...props}>
      {countries.map((c) => (
        <option key={c.code} value={c.code}>
          {c.name} ({c.code})
        </option>
      ))}
    </Select>
  );
}
