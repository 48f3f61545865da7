// What a multi-value rule chooses from. Fixed sets (subscription, consent source, countries, US
// states, time zones, the org's lists) are picked from a menu; open sets (tags, area codes, error
// codes) are typed, one chip per value.
import { countryOptions } from "@/components/orgs/country-options";
import { CONSENT_SOURCE_CHOICES, CONSENT_STATUS_CHOICES } from "@/lib/segments/rule-model";
import { allTimeZones } from "@/lib/sms/time-zone";

export interface ChoiceOption {
  value: string;
  label: string;
}

const US_STATES: [string, string][] = [
  ["AL", "Alabama"], ["AK", "Alaska"], ["AZ", "Arizona"], ["AR", "Arkansas"], ["CA", "California"], ["CO", "Colorado"],
  ["CT", "Connecticut"], ["DE", "Delaware"], ["DC", "District of Columbia"], ["FL", "Florida"], ["GA", "Georgia"],
  ["HI", "Hawaii"], ["ID", "Idaho"], ["IL", "Illinois"], ["IN", "Indiana"], ["IA", "Iowa"], ["KS", "Kansas"],
  ["KY", "Kentucky"], ["LA", "Louisiana"], ["ME", "Maine"], ["MD", "Maryland"], ["MA", "Massachusetts"],
  ["MI", "Michigan"], ["MN", "Minnesota"], ["MS", "Mississippi"], ["MO", "Missouri"], ["MT", "Montana"],
  ["NE", "Nebraska"], ["NV", "Nevada"], ["NH", "New Hampshire"], ["NJ", "New Jersey"], ["NM", "New Mexico"],
  ["NY", "New York"], ["NC", "North Carolina"], ["ND", "North Dakota"], ["OH", "Ohio"], ["OK", "Oklahoma"],
  ["OR", "Oregon"], ["PA", "Pennsylvania"], ["RI", "Rhode Island"], ["SC", "South Carolina"], ["SD", "South Dakota"],
  ["TN", "Tennessee"], ["TX", "Texas"], ["UT", "Utah"], ["VT", "Vermont"], ["VA", "Virginia"], ["WA", "Washington"],
  ["WV", "West Virginia"], ["WI", "Wisconsin"], ["WY", "Wyoming"], ["PR", "Puerto Rico"], ["GU", "Guam"],
  ["VI", "U.S. Virgin Islands"], ["AS", "American Samoa"], ["MP", "Northern Mariana Islands"],
];

const CONSENT_STATUS_LABELS: Record<(typeof CONSENT_STATUS_CHOICES)[number], string> = { opted_in: "Opted in", opted_out: "Opted out" };
const CONSENT_SOURCE_LABELS: Record<(typeof CONSENT_SOURCE_CHOICES)[number], string> = {
  ui: "Added in the app",
  api: "API",
  keyword: "Keyword (STOP, START…)",
  import: "CSV import",
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
    case "location.country":
      return countryOptions().map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }));
    case "location.state":
      return US_STATES.map(([value, name]) => ({ value, label: `${name} (${value})` }));
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
    case "location.areaCode":
      return { placeholder: "Type an area code, e.g. 907", normalise: (t) => t.replace(/\D/g, "") };
    case "engagement.lastDeliveryFailed":
      return { placeholder: "Type an error code, press Enter", normalise: (t) => t.trim() };
    default:
      return { placeholder: "Type a value, press Enter", normalise: (t) => t.trim() };
  }
}
