// The request context for tRPC calls made by the browser and by server components.
import { cookies } from "next/headers";
import { auth } from "@/lib/auth/auth";
import { db } from "@/lib/db";
import { ACTIVE_ORG_COOKIE, ACTIVE_ORG_HEADER } from "@/lib/trpc/active-org";
import type { TRPCContext } from "@/lib/trpc/init";


export async function createRequestContext(req?: Request): Promise<TRPCContext> {
  const [session, jar] = await Promise.all([auth(), cookies()]);
  const requestedOrgId = req?.headers.get(ACTIVE_ORG_HEADER) || jar.get(ACTIVE_ORG_COOKIE)?.value || null;
  const user = session?.user?.id
    ? { id: session.user.id, email: session.user.email ?? "", name: session.user.name ?? "" }
    : null;
  return { db, user, requestedOrgId };
}
