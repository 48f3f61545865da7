// POST /api/v1/segments/{id}/count: how many contacts the segment has now (evaluated at each call,
// never stored). A POST because it runs a query, not because it changes anything.
import { apiRoute } from "@/lib/api/api-route";
import { countSegment } from "@/lib/segments/evaluate-segment";
import { getSegment } from "@/lib/segments/manage-segments";

export const POST = apiRoute<{ id: string }>("contacts:read", async ({ ctx, params }) => {
  const segment = await getSegment(ctx, { id: params.id });
  const count = await countSegment(ctx, segment.definition);
  return { status: 200, body: { object: "segment_count", segment_id: segment.id, count, counted_at: new Date().toISOString() } };
});
