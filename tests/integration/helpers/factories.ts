// Seed factories shared by the integration tests (and later e2e seeding): users, orgs, members, and
// the two ways in: an OrgContext for domain functions, a tRPC caller for procedures.
import { randomBytes } from "node:crypto";
import { signUp } from "@/lib/auth/sign-up";
import type { Db } from "@/lib/db/client";
import { scopedDb } from "@/lib/db/scoped";
import type { Role } from "@/lib/generated/prisma/enums";
import { newId } from "@/lib/ids";
import type { OrgContext } from "@/lib/org-context";
import { createOrg } from "@/lib/orgs/create-org";
import type { SessionUser } from "@/lib/auth/session-user";
import { createCaller } from "@/lib/trpc/root";

export type TestUser = SessionUser;
export type Caller = ReturnType<typeof createCaller>;

const unique = () => randomBytes(4).toString("hex");

export async function createUser(db: Db, overrides: { email?: string; name?: string } = {}): Promise<TestUser> {
  const tag = unique();
  return signUp(db, {
    name: overrides.name ?? `User ${tag}`,
    email: overrides.email ?? `user-${tag}@example.test`,
    password: "correct horse battery",
  });
}

/** An organisation with a new (or the given) user as its owner. */
export async function createOrgWithOwner(
  db: Db,
  options: { owner?: TestUser; name?: string; defaultCountry?: string } = {},
) {
  const owner = options.owner ?? (await createUser(db));
  const org = await createOrg(db, owner.id, {
    name: options.name ?? `Org ${unique()}`,
    defaultCountry: options.defaultCountry ?? "US",
  });
  return { org, owner };
}

/** Adds a user (a new one unless given) to the org with `role`; returns the user and membership. */
export async function addMember(db: Db, orgId: string, role: Role, user?: TestUser) {
  const member = user ?? (await createUser(db));
  const membership = await db.membership.create({ data: { id: newId("membership"), orgId, userId: member.id, role } });
  return { user: member, membership };
}

/** What orgProcedure hands a resolver: the user acting in the org with their membership role. */
export async function orgContextFor(db: Db, user: TestUser, orgId: string): Promise<OrgContext> {
  const membership = await db.membership.findUnique({ where: { orgId_userId: { orgId, userId: user.id } } });
  return {
    db: scopedDb(db, orgId),
    orgId,
    actor: { type: "USER", id: user.id, label: user.email },
    role: membership?.role ?? null,
  };
}

export function callerFor(db: Db, user: TestUser | null, requestedOrgId: string | null): Caller {
  return createCaller({ db, user, requestedOrgId });
}
