// GET /api/v1/segments: saved segments, newest first. POST: create one (its definition is compiled
// first: an unknown field or a rule its field does not take is 400 naming the rule's path; a taken
// name is 409 segment_exists).
import { apiRoute } from "@/lib/api/api-route";
import { page } from "@/lib/api/pagination";
import { parseJsonBody, parseQuery } from "@/lib/api/parse-input";
import { createSegmentParams, pageSegmentsParams, toCreateSegmentInput } from "@/lib/api/segments/segment-params";
import { serializeSegment } from "@/lib/api/segments/serialize-segment";
import { createSegment } from "@/lib/segments/manage-segments";
import { pageSegments } from "@/lib/segments/page-segments";

export const GET = apiRoute("contacts:read", async ({ ctx, url }) => {
  const { limit, starting_after } = parseQuery(pageSegmentsParams, url);
  const { items, nextCursor } = await pageSegments(ctx, { limit, cursor: starting_after });
  return { status: 200, body: page(items, nextCursor, serializeSegment) };
});

export const POST = apiRoute("contacts:write", async ({ ctx, body }) => ({
  status: 201,
  body: serializeSegment(await createSegment(ctx, toCreateSegmentInput(parseJsonBody(createSegmentParams, body)))),
}));
