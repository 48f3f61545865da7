// Who is asking, and for which org, read one way by the tRPC context and by route handlers that take
// a session (app/api/media): the Auth.js session's user, and the org named by the browser's header,
// else by the org switcher's cookie. Membership is checked later (lib/members/member-org-context.ts).
import type { Session } from "next-auth";
import { ACTIVE_ORG_COOKIE, ACTIVE_ORG_HEADER } from "@/lib/orgs/active-org-cookie";
import type { SessionUser } from "@/lib/auth/session-user";

export function sessionUser(session: Session | null | undefined): SessionUser | null {
  const user = session?.user;
  return user?.id ? { id: user.id, email: user.email ?? "", name: user.name ?? "" } : null;
}

/** next/headers' cookies() in server components, NextRequest's `cookies` in route handlers. */
interface CookieReader {
  get(name: string): { value: string } | undefined;
}

export function requestedOrgId(headers: Headers | undefined, cookies: CookieReader): string | null {
  return headers?.get(ACTIVE_ORG_HEADER) || cookies.get(ACTIVE_ORG_COOKIE)?.value || null;
}
