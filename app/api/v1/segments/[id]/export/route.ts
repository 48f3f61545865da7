// GET /api/v1/segments/{id}/export: the segment's contacts as CSV, streamed (lib/contacts/export-contacts.ts).
import { apiRoute } from "@/lib/api/api-route";
import { exportContacts } from "@/lib/contacts/export-contacts";

export const GET = apiRoute<{ id: string }>("contacts:read", async ({ ctx, params }) => {
  const { stream, fileName } = await exportContacts(ctx, { kind: "segment", segmentId: params.id }, "id");
  return { status: 200, body: null, file: { stream, contentType: "text/csv; charset=utf-8", fileName } };
});
