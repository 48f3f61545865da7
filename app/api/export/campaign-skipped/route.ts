// The plan's and the results' "Download CSV" of the contacts a campaign skips for one reason
// (?campaign_id=, ?reason=OPTED_OUT|INVALID_NUMBER|FREQUENCY_CAPPED), for a signed-in member of the
// page's org (?org=). Streamed by lib/contacts/export-contacts.ts through lib/campaigns/export-skipped.ts.
import { exportSkipped } from "@/lib/campaigns/export-skipped";
import { skippedExportInput } from "@/lib/campaigns/campaign-input";
import { auth } from "@/lib/auth/auth";
import { requestedOrgId, sessionUser } from "@/lib/auth/request-identity";
import { csvDownload } from "@/lib/contacts/export-contacts";
import { db } from "@/lib/db";
import { domainErrorResponse, mediaErrorResponse } from "@/lib/media/media-error-response";
import { memberOrgContext } from "@/lib/members/member-org-context";

export const GET = auth(async function GET(req) {
  const user = sessionUser(req.auth);
  if (!user) return mediaErrorResponse(401, "unauthorized", "Sign in to export contacts");
  const query = new URL(req.url).searchParams;
  const parsed = skippedExportInput.safeParse({ id: query.get("campaign_id") ?? "", reason: query.get("reason") ?? "" });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path[0] === "id" ? "campaign_id" : "reason";
    return mediaErrorResponse(400, "bad_request", `${field}: ${issue.message}`, field);
  }
  try {
    const ctx = await memberOrgContext(db, user, query.get("org") || requestedOrgId(req.headers, req.cookies), "MEMBER");
    return csvDownload(await exportSkipped(ctx, parsed.data));
  } catch (error) {
    return domainErrorResponse(error);
  }
});
