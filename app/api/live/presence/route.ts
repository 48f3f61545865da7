// A signed-in member says they view or type in a conversation (lib/realtime/presence.ts); their
// teammates' live streams hear it. JSON { conversationId, state }; 204.
import { auth } from "@/lib/auth/auth";
import { requestedOrgId, sessionUser } from "@/lib/auth/request-identity";
import { db } from "@/lib/db";
import { domainErrorResponse, mediaErrorResponse } from "@/lib/media/media-error-response";
import { memberOrgContext } from "@/lib/members/member-org-context";
import { presenceInput, type PresenceNotice } from "@/lib/realtime/presence";
import { publishPresence } from "@/lib/realtime/publish-live";

export const POST = auth(async function POST(req) {
  const user = sessionUser(req.auth);
  if (!user) return mediaErrorResponse(401, "unauthorized", "Sign in to share presence");
  const parsed = presenceInput.safeParse(await req.json().catch(() => null));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".") || undefined;
    return mediaErrorResponse(400, "bad_request", issue ? `${field ?? "body"}: ${issue.message}` : "The body must be JSON", field);
  }
  try {
    const ctx = await memberOrgContext(db, user, requestedOrgId(req.headers, req.cookies), "MEMBER");
    const notice: PresenceNotice = { ...parsed.data, userId: user.id, name: user.name || user.email, at: new Date().toISOString() };
    await publishPresence(ctx, { ...notice });
    return new Response(null, { status: 204 });
  } catch (error) {
    return domainErrorResponse(error);
  }
});
