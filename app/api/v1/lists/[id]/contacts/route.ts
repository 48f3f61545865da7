// GET /api/v1/lists/{id}/contacts: the list's contacts, newest first, with the contacts filters.
// POST: add contacts to the list (up to 1,000 ids; members already there are left as they are).
import { apiRoute } from "@/lib/api/api-route";
import { listMembersParams, toListContactsInput } from "@/lib/api/contacts/contact-params";
import { serializeContact } from "@/lib/api/contacts/serialize-contact";
import { listMembersChangeParams } from "@/lib/api/lists/list-params";
import { page } from "@/lib/api/pagination";
import { parseJsonBody, parseQuery } from "@/lib/api/parse-input";
import { listContacts } from "@/lib/contacts/list-contacts";
import { addToList } from "@/lib/lists/list-membership";
import { getList } from "@/lib/lists/manage-lists";

export const GET = apiRoute<{ id: string }>("contacts:read", async ({ ctx, params, url }) => {
  const query = parseQuery(listMembersParams, url);
  const list = await getList(ctx, { id: params.id });
  const { items, nextCursor } = await listContacts(ctx, toListContactsInput({ ...query, list_id: list.id }), { withCustomFields: true });
  return { status: 200, body: page(items, nextCursor, serializeContact) };
});

export const POST = apiRoute<{ id: string }>("contacts:write", async ({ ctx, params, body }) => {
  const { contact_ids } = parseJsonBody(listMembersChangeParams, body);
  await getList(ctx, { id: params.id }); // an unknown list is 404 on `id`, the path's own name for it
  const { added } = await addToList(ctx, { listId: params.id, contactIds: contact_ids });
  const { memberCount } = await getList(ctx, { id: params.id });
  return { status: 200, body: { list_id: params.id, added, member_count: memberCount } };
});
