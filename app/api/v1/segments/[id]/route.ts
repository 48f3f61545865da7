// GET /api/v1/segments/{id}: one segment with its definition. PATCH: change the fields given (a
// definition replaces the whole definition). DELETE: delete the segment (its contacts stay).
import { apiRoute } from "@/lib/api/api-route";
import { parseJsonBody } from "@/lib/api/parse-input";
import { toUpdateSegmentInput, updateSegmentParams } from "@/lib/api/segments/segment-params";
import { serializeSegment } from "@/lib/api/segments/serialize-segment";
import { deleteSegment, getSegment, updateSegment } from "@/lib/segments/manage-segments";

export const GET = apiRoute<{ id: string }>("contacts:read", async ({ ctx, params }) => ({
  status: 200,
  body: serializeSegment(await getSegment(ctx, { id: params.id })),
}));

export const PATCH = apiRoute<{ id: string }>("contacts:write", async ({ ctx, params, body }) => ({
  status: 200,
  body: serializeSegment(await updateSegment(ctx, toUpdateSegmentInput(params.id, parseJsonBody(updateSegmentParams, body)))),
}));

export const DELETE = apiRoute<{ id: string }>("contacts:write", async ({ ctx, params }) => {
  await deleteSegment(ctx, { id: params.id });
  return { status: 200, body: { id: params.id, object: "segment", deleted: true } };
});
