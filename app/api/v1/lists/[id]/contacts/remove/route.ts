// POST /api/v1/lists/{id}/contacts/remove: take contacts off the list (up to 1,000 ids; ids not on
// it are skipped). A POST rather than a DELETE with a body, which proxies and clients may drop.
import { apiRoute } from "@/lib/api/api-route";
import { listMembersChangeParams } from "@/lib/api/lists/list-params";
import { parseJsonBody } from "@/lib/api/parse-input";
import { removeFromList } from "@/lib/lists/list-membership";
import { getList } from "@/lib/lists/manage-lists";

export const POST = apiRoute<{ id: string }>("contacts:write", async ({ ctx, params, body }) => {
  const { contact_ids } = parseJsonBody(listMembersChangeParams, body);
  await getList(ctx, { id: params.id }); // an unknown list is 404 on `id`, the path's own name for it
  const { removed } = await removeFromList(ctx, { listId: params.id, contactIds: contact_ids });
  const { memberCount } = await getList(ctx, { id: params.id });
  return { status: 200, body: { list_id: params.id, removed, member_count: memberCount } };
});
