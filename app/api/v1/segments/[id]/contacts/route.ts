// GET /api/v1/segments/{id}/contacts: the contacts the segment has now, newest first, paged.
import { apiRoute } from "@/lib/api/api-route";
import { serializeContact } from "@/lib/api/contacts/serialize-contact";
import { page } from "@/lib/api/pagination";
import { parseQuery } from "@/lib/api/parse-input";
import { segmentContactsParams } from "@/lib/api/segments/segment-params";
import { pageSegmentContacts } from "@/lib/segments/evaluate-segment";
import { getSegment } from "@/lib/segments/manage-segments";

export const GET = apiRoute<{ id: string }>("contacts:read", async ({ ctx, params, url }) => {
  const { limit, starting_after } = parseQuery(segmentContactsParams, url);
  const segment = await getSegment(ctx, { id: params.id });
  const { items, nextCursor } = await pageSegmentContacts(ctx, segment.definition, { limit, cursor: starting_after });
  return { status: 200, body: page(items, nextCursor, serializeContact) };
});
