// POST /api/v1/contacts/upsert: create the contact with this phone number (201) or update it (200),
// atomically: concurrent upserts of one number make one contact.
import { apiRoute } from "@/lib/api/api-route";
import { toUpsertContactInput, upsertContactParams } from "@/lib/api/contacts/contact-params";
import { serializeContact } from "@/lib/api/contacts/serialize-contact";
import { parseJsonBody } from "@/lib/api/parse-input";
import { upsertContact } from "@/lib/contacts/upsert-contact";

export const POST = apiRoute("contacts:write", async ({ ctx, body }) => {
  const { contact, created } = await upsertContact(ctx, toUpsertContactInput(parseJsonBody(upsertContactParams, body)));
  return { status: created ? 201 : 200, body: serializeContact(contact) };
});
