// The demo org's ~1,000 varied contacts: numbers in several countries and time zones, names, tags,
// custom values (birthdays all through the year, for "anniversary within N days"), ~6% opted out.
import { newId } from "../../lib/ids.ts";
import { normalizePhone, timeZoneForPhone } from "../../lib/sms/phone.ts";
import { pickWith, prng } from "./prng.ts";

export const CONTACT_COUNT = 1000;

const FIRST = ["Ava", "Liam", "Noah", "Emma", "Olivia", "Mateo", "Sofia", "Yuki", "Chloé", "Zoë", "Amara", "Ethan", "Priya", "Lucas", "Mia", "Omar", "Hana", "Diego", "Grace", "Kai"];
const LAST = ["Smith", "García", "Nguyen", "Johnson", "Müller", "Kim", "Brown", "Rossi", "Patel", "Okafor", "Silva", "Cohen", "Tanaka", "Dubois", "Jones", "Novak"];
// [prefix, digits in the whole number]: numbers in several countries and time zones.
const NUMBER_PATTERNS: [string, number][] = [
  ...["212", "312", "303", "415", "602", "907", "808", "617", "512", "206"].map((area): [string, number] => [`1${area}555`, 11]),
  ["44770090", 12],
  ["6149157", 11],
  ["4915112", 13],
];
const MAX_ATTEMPTS = CONTACT_COUNT * 20;
const TAGS = ["vip", "newsletter", "wholesale", "event-2026", "loyalty", "beans", "espresso"];
const PLANS = ["free", "basic", "pro"];
const pad = (n: number) => String(n).padStart(2, "0");

const CONTACT_SOURCES = ["import", "import", "import", "import", "import", "api", "api", "ui", "ui", "inbound"] as const;

export function demoContacts(orgId: string, now: number) {
  const random = prng(42);
  const pick = pickWith(random);
  const seen = new Set<string>();
  const contacts = [];
  for (let attempt = 0; contacts.length < CONTACT_COUNT; attempt++) {
    if (attempt > MAX_ATTEMPTS) throw new Error("Could not generate enough valid demo phone numbers");
    const [prefix, length] = pick(NUMBER_PATTERNS);
    const digits = String(Math.floor(random() * 10 ** 8)).padStart(8, "0");
    const parsed = normalizePhone(`+${prefix}${digits.slice(0, length - prefix.length)}`, "US");
    if (!parsed.ok || seen.has(parsed.e164)) continue;
    seen.add(parsed.e164);
    const first = pick(FIRST);
    const last = pick(LAST);
    const optedOut = random() < 0.06;
    const created = new Date(now - Math.floor(random() * 180 * 86_400_000));
    contacts.push({
      id: newId("contact", created),
      orgId,
      phone: parsed.e164,
      firstName: first,
      lastName: random() < 0.9 ? last : null,
      email: random() < 0.7 ? `${first}.${last}${contacts.length}@example.com`.toLowerCase().normalize("NFD").replace(/[^\x00-\x7f]/g, "") : null,
      timeZone: timeZoneForPhone(parsed.e164),
      tags: TAGS.filter(() => random() < 0.18),
      customFields: {
        plan: pick(PLANS),
        points: Math.floor(random() * 500),
        ...(random() < 0.5 && { birthday: `19${60 + Math.floor(random() * 40)}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}` }),
        ...(random() < 0.1 && { barista: true }),
      },
      consentStatus: optedOut ? ("OPTED_OUT" as const) : ("OPTED_IN" as const),
      optedInAt: created,
      // An opt-out a day after joining, but never in the future (the demo history's STOP is then).
      optedOutAt: optedOut ? new Date(Math.min(created.getTime() + 86_400_000, Math.max(created.getTime(), now - 600_000))) : null,
      optOutSource: optedOut ? "keyword:STOP" : null,
      // Where they came from, for the dashboard: mostly imports (without drawing on the PRNG, so
      // every other value stays as it was seeded before).
      source: CONTACT_SOURCES[contacts.length % CONTACT_SOURCES.length],
      createdAt: created,
    });
  }
  return contacts;
}
