// GET /api/v1/lists/{id}: one list with its member count. PATCH: rename it. DELETE: delete the list
// (its contacts stay).
import { apiRoute } from "@/lib/api/api-route";
import { updateListParams } from "@/lib/api/lists/list-params";
import { serializeList } from "@/lib/api/lists/serialize-list";
import { parseJsonBody } from "@/lib/api/parse-input";
import { deleteList, getList, renameList } from "@/lib/lists/manage-lists";

export const GET = apiRoute<{ id: string }>("contacts:read", async ({ ctx, params }) => ({
  status: 200,
  body: serializeList(await getList(ctx, { id: params.id })),
}));

export const PATCH = apiRoute<{ id: string }>("contacts:write", async ({ ctx, params, body }) => {
  const { name } = parseJsonBody(updateListParams, body);
  if (name !== undefined) await renameList(ctx, { id: params.id, name });
  return { status: 200, body: serializeList(await getList(ctx, { id: params.id })) };
});

export const DELETE = apiRoute<{ id: string }>("contacts:write", async ({ ctx, params }) => {
  await deleteList(ctx, { id: params.id });
  return { status: 200, body: { id: params.id, object: "list", deleted: true } };
});
