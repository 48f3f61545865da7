// GET /api/v1/lists: lists with member counts, newest first. POST: create one (409 list_exists).
import { apiRoute } from "@/lib/api/api-route";
import { createListParams, pageListsParams } from "@/lib/api/lists/list-params";
import { serializeList } from "@/lib/api/lists/serialize-list";
import { page } from "@/lib/api/pagination";
import { parseJsonBody, parseQuery } from "@/lib/api/parse-input";
import { createList, pageLists } from "@/lib/lists/manage-lists";

export const GET = apiRoute("contacts:read", async ({ ctx, url }) => {
  const { limit, starting_after } = parseQuery(pageListsParams, url);
  const { items, nextCursor } = await pageLists(ctx, { limit, cursor: starting_after });
  return { status: 200, body: page(items, nextCursor, serializeList) };
});

export const POST = apiRoute("contacts:write", async ({ ctx, body }) => {
  const list = await createList(ctx, parseJsonBody(createListParams, body));
  return { status: 201, body: serializeList({ ...list, memberCount: 0 }) };
});
