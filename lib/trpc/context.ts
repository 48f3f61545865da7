// The request context for tRPC calls made by the browser and by server components.
import { cookies } from "next/headers";
import { auth } from "@/lib/auth/auth";
import { requestedOrgId, sessionUser } from "@/lib/auth/request-identity";
import { db } from "@/lib/db";
import type { TRPCContext } from "@/lib/trpc/init";

export async function createRequestContext(req?: Request): Promise<TRPCContext> {
  const [session, jar] = await Promise.all([auth(), cookies()]);
  return { db, user: sessionUser(session), requestedOrgId: requestedOrgId(req?.headers, jar) };
}
