// An API event announced to workflows (POST /api/v1/events): the contact found (by id) or found or
// made (by phone: an event about someone not yet a contact, say a purchase by a new customer, makes
// them one, source api, as an upsert would, and that is a contact_created too), then
// `workflows/trigger.fired` (api_event, keyed by the name) sent. Nothing is stored of the event
// itself: the runs it starts keep its data. Whether a workflow waits for the name is the runtime's
// to decide, so an event no workflow waits for is accepted all the same (and goes no further).
import { upsertContact } from "@/lib/contacts/upsert-contact";
import { DomainError, notFound } from "@/lib/errors";
import { emitTriggers } from "@/lib/events/announce-triggers";
import type { OrgContext } from "@/lib/org-context";
import { apiEventInput, type ApiEventInput } from "@/lib/workflows/api-event-input";

export interface FiredApiEvent {
  name: string;
  contactId: string;
  contactCreated: boolean;
  receivedAt: Date;
}

export async function fireApiEvent(ctx: OrgContext, raw: ApiEventInput): Promise<FiredApiEvent> {
  const { name, contact, data } = apiEventInput.parse(raw);
  const receivedAt = new Date();
  const found = contact.id !== undefined ? { id: await contactById(ctx, contact.id), created: false } : await contactByPhone(ctx, contact.phone!);
  await emitTriggers(ctx.db, [{ orgId: ctx.orgId, kind: "api_event", key: name, contactIds: [found.id], data }]);
  return { name, contactId: found.id, contactCreated: found.created, receivedAt };
}

async function contactById(ctx: OrgContext, id: string): Promise<string> {
  const row = await ctx.db.contact.findUnique({ where: { id }, select: { id: true } });
  if (!row) throw notFound("Contact", "contact.id");
  return row.id;
}

async function contactByPhone(ctx: OrgContext, phone: string): Promise<{ id: string; created: boolean }> {
  try {
    const { contact, created } = await upsertContact(ctx, { phone });
    return { id: contact.id, created };
  } catch (error) {
    // upsertContact names its own field; here the number is the contact's.
    if (error instanceof DomainError && error.field === "phone") throw new DomainError(error.code, error.message, "contact.phone", error.reason);
    throw error;
  }
}
