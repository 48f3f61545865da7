// The rows of an import that were not imported, as a CSV download (line, column, reason, value),
// streamed from the staging table.
import { Readable } from "node:stream";
import { auth } from "@/lib/auth/auth";
import { requestedOrgId, sessionUser } from "@/lib/auth/request-identity";
import { importReport } from "@/lib/contacts/import/import-report";
import { db } from "@/lib/db";
import { domainErrorResponse, mediaErrorResponse } from "@/lib/media/media-error-response";
import { memberOrgContext } from "@/lib/members/member-org-context";

export const GET = auth(async function GET(req, { params }) {
  const user = sessionUser(req.auth);
  if (!user) return mediaErrorResponse(401, "unauthorized", "Sign in to download the report");
  try {
    const { id } = (await params) as { id: string };
    const ctx = await memberOrgContext(db, user, requestedOrgId(req.headers, req.cookies), "MEMBER");
    const { fileName, stream } = await importReport(ctx, id);
    return new Response(Readable.toWeb(stream) as ReadableStream, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return domainErrorResponse(error);
  }
});
