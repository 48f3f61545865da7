// POST /api/v1/contacts: create a contact (409 contact_exists when the number is taken).
// GET /api/v1/contacts: contacts newest first, filtered by list, tag, consent or search.
import { apiRoute } from "@/lib/api/api-route";
import { createContactParams, listContactsParams, toCreateContactInput, toListContactsInput } from "@/lib/api/contacts/contact-params";
import { serializeContact } from "@/lib/api/contacts/serialize-contact";
import { page } from "@/lib/api/pagination";
import { parseJsonBody, parseQuery } from "@/lib/api/parse-input";
import { createContact } from "@/lib/contacts/create-contact";
import { listContacts } from "@/lib/contacts/list-contacts";
import { getList } from "@/lib/lists/manage-lists";

export const POST = apiRoute("contacts:write", async ({ ctx, body }) => ({
  status: 201,
  body: serializeContact(await createContact(ctx, toCreateContactInput(parseJsonBody(createContactParams, body)))),
}));

export const GET = apiRoute("contacts:read", async ({ ctx, url }) => {
  const query = parseQuery(listContactsParams, url);
  // A list that is not the org's is 404, as on /lists/{id}/contacts, rather than an empty page.
  if (query.list_id) await getList(ctx, { id: query.list_id }, "listId");
  const { items, nextCursor } = await listContacts(ctx, toListContactsInput(query), { withCustomFields: true });
  return { status: 200, body: page(items, nextCursor, serializeContact) };
});
