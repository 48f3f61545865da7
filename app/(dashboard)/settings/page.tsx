import type { Metadata } from "next";
import { countryOptions } from "@/components/orgs/country-options";
import { GeneralSettings } from "@/components/settings/general-settings";

export const metadata: Metadata = { title: "Settings" };

export default function GeneralSettingsPage() {
  return <GeneralSettings countries={countryOptions()} />;
}
