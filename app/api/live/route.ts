// The browser's live events (server-sent events) for a signed-in member of the page's org (?org=,
// as the export links name it; else the org switcher's cookie): lib/realtime/live-stream.ts. The
// resume point is the Last-Event-ID header (EventSource's own reconnection) or ?lastEventId= (a new
// EventSource after the old one gave up: components/live/live-connection.ts).
import { auth } from "@/lib/auth/auth";
import { requestedOrgId, sessionUser } from "@/lib/auth/request-identity";
import { db } from "@/lib/db";
import { orgSql } from "@/lib/db/sql";
import { domainErrorResponse, mediaErrorResponse } from "@/lib/media/media-error-response";
import { memberOrgContext } from "@/lib/members/member-org-context";
import { liveListener } from "@/lib/realtime/live-hub";
import { liveStream } from "@/lib/realtime/live-stream";

export const dynamic = "force-dynamic";

export const GET = auth(async function GET(req) {
  const user = sessionUser(req.auth);
  if (!user) return mediaErrorResponse(401, "unauthorized", "Sign in to receive live updates");
  const query = new URL(req.url).searchParams;
  try {
    const ctx = await memberOrgContext(db, user, query.get("org") || requestedOrgId(req.headers, req.cookies), "MEMBER");
    const stream = liveStream({
      listener: liveListener(),
      db: orgSql(ctx),
      orgId: ctx.orgId,
      userId: user.id,
      lastEventId: req.headers.get("last-event-id") || query.get("lastEventId"),
      signal: req.signal,
    });
    return new Response(stream, {
      headers: {
        "Content-Type": "text/event-stream; charset=utf-8",
        "Cache-Control": "no-cache, no-transform",
        Connection: "keep-alive",
        // nginx and its kind would otherwise buffer the stream.
        "X-Accel-Buffering": "no",
      },
    });
  } catch (error) {
    return domainErrorResponse(error);
  }
});
