// What a multi-value rule chooses from. Fixed sets (subscription, consent source, countries, states,
// area codes, time zones, the org's lists) are picked from a menu, the location ones the very sets
// the compiler checks against; open sets (tags, error codes) are typed, one chip per value.
import { areaCodeChoices, countryChoices, stateChoices } from "@/lib/segments/location-choices";
import { CONSENT_SOURCE_CHOICES, CONSENT_STATUS_CHOICES, CONTACT_SOURCE_CHOICES } from "@/lib/segments/rule-model";
import { allTimeZones } from "@/lib/sms/time-zone";

export interface ChoiceOption {
  value: string;
  label: string;
}

const CONSENT_STATUS_LABELS: Record<(typeof CONSENT_STATUS_CHOICES)[number], string> = { opted_in: "Opted in", opted_out: "Opted out" };
const CONSENT_SOURCE_LABELS: Record<(typeof CONSENT_SOURCE_CHOICES)[number], string> = {
  ui: "Added in the app",
  api: "API",
  keyword: "Keyword (STOP, START…)",
  import: "CSV import",
};

export const CONTACT_SOURCE_LABELS: Record<(typeof CONTACT_SOURCE_CHOICES)[number], string> = {
  import: "CSV import",
  api: "API",
  ui: "Added in the app",
  inbound: "Texted in",
};

/** How a multi-value rule on `field` takes its values: from these options, or typed ("free"). */
export function choiceOptions(field: string, lists: readonly { id: string; name: string }[]): ChoiceOption[] | "free" {
  switch (field) {
    case "lists":
      return lists.map((l) => ({ value: l.id, label: l.name }));
    case "consent.status":
      return CONSENT_STATUS_CHOICES.map((value) => ({ value, label: CONSENT_STATUS_LABELS[value] }));
    case "consent.source":
      return CONSENT_SOURCE_CHOICES.map((value) => ({ value, label: CONSENT_SOURCE_LABELS[value] }));
    case "source":
      return CONTACT_SOURCE_CHOICES.map((value) => ({ value, label: CONTACT_SOURCE_LABELS[value] }));
    case "location.country":
      return countryChoices().map((c) => ({ value: c.value, label: `${c.label} (${c.value})` }));
    case "location.state":
      return stateChoices().map((c) => ({ value: c.value, label: `${c.label} (${c.value})` }));
    case "location.areaCode":
      return areaCodeChoices();
    case "location.timeZone":
      return allTimeZones().map((z) => ({ value: z, label: z.replaceAll("_", " ") }));
    default:
      return "free";
  }
}

/** A hint for typed values, and how each is cleaned up before it becomes a chip. */
export function freeValueHint(field: string): { placeholder: string; normalise: (text: string) => string } {
  switch (field) {
    case "tags":
      return { placeholder: "Type a tag, press Enter", normalise: (t) => t.trim().toLowerCase() };
    case "engagement.lastDeliveryFailed":
      return { placeholder: "Type an error code, press Enter", normalise: (t) => t.trim() };
    default:
      return { placeholder: "Type a value, press Enter", normalise: (t) => t.trim() };
  }
}
