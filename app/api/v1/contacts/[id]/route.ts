// GET /api/v1/contacts/{id}: one contact with its lists. PATCH: change the fields given.
// DELETE: delete the contact (its messages stay, without it).
import { apiRoute } from "@/lib/api/api-route";
import { toUpdateContactInput, updateContactParams } from "@/lib/api/contacts/contact-params";
import { serializeContact, serializeContactWithLists } from "@/lib/api/contacts/serialize-contact";
import { parseJsonBody } from "@/lib/api/parse-input";
import { deleteContacts } from "@/lib/contacts/delete-contacts";
import { getContact } from "@/lib/contacts/get-contact";
import { updateContact } from "@/lib/contacts/update-contact";
import { notFound } from "@/lib/errors";

export const GET = apiRoute<{ id: string }>("contacts:read", async ({ ctx, params }) => ({
  status: 200,
  body: serializeContactWithLists(await getContact(ctx, params.id)),
}));

export const PATCH = apiRoute<{ id: string }>("contacts:write", async ({ ctx, params, body }) => ({
  status: 200,
  body: serializeContact(await updateContact(ctx, toUpdateContactInput(params.id, parseJsonBody(updateContactParams, body)))),
}));

export const DELETE = apiRoute<{ id: string }>("contacts:write", async ({ ctx, params }) => {
  const { deleted } = await deleteContacts(ctx, { ids: [params.id] });
  if (deleted === 0) throw notFound("Contact", "id");
  return { status: 200, body: { id: params.id, object: "contact", deleted: true } };
});
