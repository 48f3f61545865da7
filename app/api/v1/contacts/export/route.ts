// GET /api/v1/contacts/export: contacts as CSV, streamed (lib/contacts/export-contacts.ts): a list's
// (?list_id=), a segment's (?segment_id=), or every contact, narrowed by ?search=.
import { apiRoute } from "@/lib/api/api-route";
import { parseQuery } from "@/lib/api/parse-input";
import { exportContactsParams, toContactSource } from "@/lib/api/contacts/export-params";
import { exportContacts } from "@/lib/contacts/export-contacts";

export const GET = apiRoute("contacts:read", async ({ ctx, url }) => {
  const query = parseQuery(exportContactsParams, url);
  const { stream, fileName } = await exportContacts(ctx, toContactSource(query), query.list_id ? "list_id" : "segment_id");
  return { status: 200, body: null, file: { stream, contentType: "text/csv; charset=utf-8", fileName } };
});
