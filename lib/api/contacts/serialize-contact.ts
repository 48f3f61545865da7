// A contact as the API shows it, in one place: snake_case, ISO 8601 UTC times, and its consent under
// the API's names, which predate the code's and are a contract: subscription_status subscribed
// (opted in) or unsubscribed (opted out), when, and how ("keyword:STOP", "api", ...).
import type { Contact } from "@/lib/generated/prisma/client";

export type SerializableContact = Pick<
  Contact,
  | "id" | "phone" | "firstName" | "lastName" | "email" | "timeZone" | "tags" | "customFields"
  | "consentStatus" | "optedInAt" | "optedOutAt" | "optOutSource" | "createdAt" | "updatedAt"
>;

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function serializeContact(c: SerializableContact) {
  return {
    id: c.id,
    object: "contact" as const,
    phone: c.phone,
    first_name: c.firstName,
    last_name: c.lastName,
    email: c.email,
    time_zone: c.timeZone,
    tags: c.tags,
    custom_fields: c.customFields as Record<string, string | number | boolean>,
    subscription_status: c.consentStatus === "OPTED_IN" ? ("subscribed" as const) : ("unsubscribed" as const),
    subscribed_at: iso(c.optedInAt),
    unsubscribed_at: iso(c.optedOutAt),
    unsubscribe_source: c.optOutSource,
    created_at: iso(c.createdAt),
    updated_at: iso(c.updatedAt),
  };
}

type Membership = { id: string; name: string; addedAt: Date };

/** One contact with the lists it belongs to, most recently added first. */
export function serializeContactWithLists(c: SerializableContact & { lists: Membership[] }) {
  return { ...serializeContact(c), lists: c.lists.map((l) => ({ id: l.id, name: l.name, added_at: l.addedAt.toISOString() })) };
}
