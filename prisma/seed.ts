// Demo data: an org with an owner login, custom fields, a few lists and ~1,000 varied contacts.
// Idempotent: when the demo owner already exists, it does nothing.
import { signUp } from "../lib/auth/sign-up.ts";
import { provisionSimulator } from "../lib/simulator/provision-simulator.ts";
import { createPrismaClient } from "../lib/db/client.ts";
import { newId } from "../lib/ids.ts";
import { createOrg } from "../lib/orgs/create-org.ts";
import { normalizePhone, timeZoneForPhone } from "../lib/sms/phone.ts";
import { DEMO_LOGIN, DEMO_ORG_NAME } from "./demo.ts";

const CONTACT_COUNT = 1000;

// A small deterministic PRNG, so every fresh database gets the same demo contacts.
function prng(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) % 2 ** 32;
    return seed / 2 ** 32;
  };
}

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

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is required (run through `npm run db:seed`)");
  const db = createPrismaClient(url, { max: 2 });
  try {
    const existing = await db.user.findUnique({
      where: { email: DEMO_LOGIN.email },
      select: { id: true, memberships: { where: { org: { name: DEMO_ORG_NAME } }, select: { orgId: true } } },
    });
    const demoOrgId = existing?.memberships[0]?.orgId;
    if (demoOrgId && (await db.contact.count({ where: { orgId: demoOrgId } })) > 0) {
      // A demo org seeded before messaging existed gets its simulator number now.
      if ((await db.senderNumber.count({ where: { orgId: demoOrgId } })) === 0) {
        await db.$transaction((tx) => provisionSimulator(tx, demoOrgId));
      }
      console.log(`Demo data present (login ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}).`);
      return;
    }
    // A seed interrupted half-way leaves an org without contacts: start that org again.
    if (demoOrgId) await db.organization.delete({ where: { id: demoOrgId } });
    const user = existing ?? (await signUp(db, DEMO_LOGIN));
    const org = await createOrg(db, user.id, { name: DEMO_ORG_NAME, defaultCountry: "US" });
    const orgId = org.id;
    await db.customFieldDefinition.createMany({
      data: [
        { id: newId("customField"), orgId, key: "birthday", label: "Birthday", type: "DATE" },
        { id: newId("customField"), orgId, key: "plan", label: "Plan", type: "TEXT" },
        { id: newId("customField"), orgId, key: "points", label: "Loyalty points", type: "NUMBER" },
        { id: newId("customField"), orgId, key: "barista", label: "Is a barista", type: "BOOLEAN" },
      ],
    });
    const lists = ["Newsletter", "VIP customers", "Spring promo"].map((name) => ({ id: newId("list"), orgId, name }));
    await db.contactList.createMany({ data: lists });

    const random = prng(42);
    const pick = <T,>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
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
      const created = new Date(Date.now() - Math.floor(random() * 180 * 86_400_000));
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
          ...(random() < 0.5 && { birthday: `19${60 + Math.floor(random() * 40)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}` }),
          ...(random() < 0.1 && { barista: true }),
        },
        consentStatus: optedOut ? ("OPTED_OUT" as const) : ("OPTED_IN" as const),
        optedInAt: created,
        optedOutAt: optedOut ? new Date(created.getTime() + 86_400_000) : null,
        optOutSource: optedOut ? "keyword:STOP" : null,
        createdAt: created,
      });
    }
    await db.contact.createMany({ data: contacts });
    const memberships = contacts.flatMap((c, i) =>
      lists.filter((_, j) => (i + j) % (j + 2) === 0).map((l) => ({ listId: l.id, contactId: c.id, orgId })),
    );
    await db.listMembership.createMany({ data: memberships });
    console.log(`Seeded ${DEMO_ORG_NAME}: ${contacts.length} contacts, ${lists.length} lists.`);
    console.log(`Demo login: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}`);
  } finally {
    await db.$disconnect();
  }
}

await main();
