// The request context for tRPC calls made by the browser and by server components.
import { cookies } from "next/headers";
import { auth } from "@/lib/auth/auth";
import { db } from "@/lib/db";
import type { TRPCContext } from "@/lib/trpc/init";

export const ACTIVE_ORG_COOKIE = "ts_org";

export async function createRequestContext(): Promise<TRPCContext> {
  const [session, jar] = await Promise.all([auth(), cookies()]);
  const user = session?.user?.id
    ? { id: session.user.id, email: session.user.email ?? "", name: session.user.name ?? "" }
    : null;
  return { db, user, requestedOrgId: jar.get(ACTIVE_ORG_COOKIE)?.value ?? null };
}
