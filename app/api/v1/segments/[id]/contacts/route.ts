// GET /api/v1/segments/{id}/contacts: the contacts the segment has now, newest first, paged.
import { apiRoute } from "@/lib/api/api-route";
import { serializeContact } from "@/lib/api/contacts/serialize-contact";
import { page } from "@/lib/api/pagination";
import { parseQuery } from "@/lib/api/parse-input";
import { segmentContactsParams } from "@/lib/api/segments/segment-params";
import { pageSourceContacts } from "@/lib/contacts/page-source-contacts";

export const GET = apiRoute<{ id: string }>("contacts:read", async ({ ctx, params, url }) => {
  const { limit, starting_after } = parseQuery(segmentContactsParams, url);
  const { items, nextCursor } = await pageSourceContacts(ctx, { kind: "segment", segmentId: params.id }, { limit, cursor: starting_after }, "id");
  return { status: 200, body: page(items, nextCursor, serializeContact) };
});
