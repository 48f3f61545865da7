// The one check between a signed-in user and an org's data: a membership with at least `minRole`.
// It yields the OrgContext domain functions take (a client scoped to the org, the user as actor).
// tRPC's orgProcedure and the session-authenticated route handlers (app/api/media) both use it.
import type { Db } from "@/lib/db/client";
import { scopedDb } from "@/lib/db/scoped";
import { DomainError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { hasRole } from "@/lib/members/roles";
import type { OrgContext } from "@/lib/org-context";
import type { SessionUser } from "@/lib/auth/session-user";

/** The user's context in the requested org (their first org when none is requested); FORBIDDEN otherwise. */
export async function memberOrgContext(db: Db, user: SessionUser, requestedOrgId: string | null, minRole: Role): Promise<OrgContext> {
  const membership = requestedOrgId
    ? await db.membership.findUnique({ where: { orgId_userId: { orgId: requestedOrgId, userId: user.id } } })
    : await db.membership.findFirst({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });
  if (!membership) {
    throw new DomainError("FORBIDDEN", requestedOrgId ? "You are not a member of this organisation" : "Create an organisation first");
  }
  if (!hasRole(membership.role, minRole)) {
    throw new DomainError("FORBIDDEN", `This needs the ${minRole.toLowerCase()} role or higher`);
  }
  return {
    db: scopedDb(db, membership.orgId),
    orgId: membership.orgId,
    actor: { type: "USER", id: user.id, label: user.email },
    role: membership.role,
  };
}
