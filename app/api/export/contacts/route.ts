// The UI's CSV download (components/contacts/export-button.tsx links here) for a signed-in member of
// the page's org (?org=): ?list_id=, ?segment_id=, or the Contacts page's view as ?filter=<its
// filters as JSON: search, listId, tag, status, definition>. Streamed by lib/contacts/export-contacts.ts, as REST's export is.
import { auth } from "@/lib/auth/auth";
import { requestedOrgId, sessionUser } from "@/lib/auth/request-identity";
import { contactSource, type ContactSource } from "@/lib/contacts/contact-source";
import { csvDownload, exportContacts } from "@/lib/contacts/export-contacts";
import { db } from "@/lib/db";
import { domainErrorResponse, mediaErrorResponse } from "@/lib/media/media-error-response";
import { memberOrgContext } from "@/lib/members/member-org-context";

function sourceOf(query: URLSearchParams): ContactSource | null {
  const listId = query.get("list_id");
  const segmentId = query.get("segment_id");
  if (listId) return { kind: "list", listId };
  if (segmentId) return { kind: "segment", segmentId };
  try {
    return { kind: "view", ...JSON.parse(query.get("filter") ?? "{}") };
  } catch {
    return null;
  }
}

export const GET = auth(async function GET(req) {
  const user = sessionUser(req.auth);
  if (!user) return mediaErrorResponse(401, "unauthorized", "Sign in to export contacts");
  const parsed = contactSource.safeParse(sourceOf(new URL(req.url).searchParams));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return mediaErrorResponse(400, "bad_request", issue ? `${issue.path.join(".")}: ${issue.message}` : "filter is not JSON", issue?.path.join("."));
  }
  try {
    // The link names the page's org (?org=), as the tRPC client's header does; membership is checked either way.
    const org = new URL(req.url).searchParams.get("org") || requestedOrgId(req.headers, req.cookies);
    const ctx = await memberOrgContext(db, user, org, "MEMBER");
    return csvDownload(await exportContacts(ctx, parsed.data));
  } catch (error) {
    return domainErrorResponse(error);
  }
});
