import { beforeEach, describe, expect, it } from "vitest";
import { createCustomField } from "@/lib/custom-fields/manage-custom-fields";
import type { Role } from "@/lib/generated/prisma/enums";
import { acceptInvitation, createInvitation, findInvitation } from "@/lib/members/invitations";
import { setupTestDatabase } from "./helpers/db";
import { expectDomainError, expectTRPCError } from "./helpers/expect-error";
import { addMember, callerFor, createOrgWithOwner, createUser, orgContextFor, type TestUser } from "./helpers/factories";

const { db } = await setupTestDatabase();

/** A fresh org with an owner, an admin and a member, so each test starts from known roles. */
async function team() {
  const { org, owner } = await createOrgWithOwner(db);
  const admin = await addMember(db, org.id, "ADMIN");
  const member = await addMember(db, org.id, "MEMBER");
  const ownerMembership = await db.membership.findUniqueOrThrow({ where: { orgId_userId: { orgId: org.id, userId: owner.id } } });
  const as = (user: TestUser) => callerFor(db, user, org.id);
  return { org, owner, admin, member, ownerMembership, as };
}

const roleOf = async (membershipId: string) => (await db.membership.findUnique({ where: { id: membershipId } }))?.role ?? null;

describe("a member", () => {
  let t: Awaited<ReturnType<typeof team>>;
  beforeEach(async () => {
    t = await team();
  });

  it("cannot change roles or remove members", async () => {
    const me = t.as(t.member.user);
    await expectTRPCError(me.members.changeRole({ membershipId: t.admin.membership.id, role: "MEMBER" }), "FORBIDDEN");
    await expectTRPCError(me.members.changeRole({ membershipId: t.member.membership.id, role: "ADMIN" }), "FORBIDDEN");
    await expectTRPCError(me.members.remove({ membershipId: t.admin.membership.id }), "FORBIDDEN");
    expect(await roleOf(t.admin.membership.id)).toBe("ADMIN");
    expect(await roleOf(t.member.membership.id)).toBe("MEMBER");
  });

  it("cannot invite, see or revoke invitations", async () => {
    const me = t.as(t.member.user);
    await expectTRPCError(me.members.invite({ email: "friend@example.test", role: "MEMBER" }), "FORBIDDEN");
    await expectTRPCError(me.members.invitations(), "FORBIDDEN");
    const invitation = await createInvitation(await orgContextFor(db, t.owner, t.org.id), { email: "x@example.test" });
    await expectTRPCError(me.members.revokeInvite({ id: invitation.id }), "FORBIDDEN");
    expect(await db.invitation.count({ where: { orgId: t.org.id } })).toBe(1);
  });

  it("cannot create or delete custom fields, but can list them", async () => {
    const me = t.as(t.member.user);
    await expectTRPCError(me.customFields.create({ key: "k", label: "K", type: "TEXT" }), "FORBIDDEN");
    const field = await createCustomField(await orgContextFor(db, t.owner, t.org.id), { key: "kept", label: "Kept", type: "TEXT" });
    await expectTRPCError(me.customFields.delete({ id: field.id }), "FORBIDDEN");
    expect((await me.customFields.list()).map((f) => f.key)).toEqual(["kept"]);
  });

  it("cannot update the org or read the audit log", async () => {
    const me = t.as(t.member.user);
    await expectTRPCError(me.org.update({ name: "Mine now" }), "FORBIDDEN");
    await expectTRPCError(me.audit.list({}), "FORBIDDEN");
    await expectTRPCError(me.audit.actors(), "FORBIDDEN");
    expect((await db.organization.findUniqueOrThrow({ where: { id: t.org.id } })).name).toBe(t.org.name);
  });

  it("can still work with contacts and lists and see the team", async () => {
    const me = t.as(t.member.user);
    const contact = await me.contacts.create({ phone: "+1 212 736 2000" });
    const list = await me.lists.create({ name: "Mine" });
    expect(await me.lists.addContacts({ listId: list.id, contactIds: [contact.id] })).toEqual({ added: 1 });
    expect((await me.members.list()).length).toBe(3);
    expect((await me.org.current()).role).toBe("MEMBER");
  });
});

describe("an admin", () => {
  let t: Awaited<ReturnType<typeof team>>;
  beforeEach(async () => {
    t = await team();
  });

  it("cannot make anyone an owner, by role change or by invitation", async () => {
    const me = t.as(t.admin.user);
    await expectTRPCError(me.members.changeRole({ membershipId: t.member.membership.id, role: "OWNER" }), "FORBIDDEN");
    await expectTRPCError(me.members.changeRole({ membershipId: t.admin.membership.id, role: "OWNER" }), "FORBIDDEN");
    await expectTRPCError(me.members.invite({ email: "boss@example.test", role: "OWNER" }), "FORBIDDEN");
    expect(await roleOf(t.member.membership.id)).toBe("MEMBER");
    expect(await roleOf(t.admin.membership.id)).toBe("ADMIN");
    expect(await db.invitation.count({ where: { orgId: t.org.id } })).toBe(0);
  });

  it("cannot change or remove an owner", async () => {
    const me = t.as(t.admin.user);
    await expectTRPCError(me.members.changeRole({ membershipId: t.ownerMembership.id, role: "MEMBER" }), "FORBIDDEN");
    await expectTRPCError(me.members.changeRole({ membershipId: t.ownerMembership.id, role: "ADMIN" }), "FORBIDDEN");
    await expectTRPCError(me.members.remove({ membershipId: t.ownerMembership.id }), "FORBIDDEN");
    expect(await roleOf(t.ownerMembership.id)).toBe("OWNER");
  });

  it("can promote and remove members and invite admins and members", async () => {
    const me = t.as(t.admin.user);
    expect((await me.members.changeRole({ membershipId: t.member.membership.id, role: "ADMIN" })).role).toBe("ADMIN");
    expect(await me.members.remove({ membershipId: t.member.membership.id })).toEqual({ id: t.member.membership.id });
    expect(await roleOf(t.member.membership.id)).toBeNull();
    const invited = await me.members.invite({ email: "New.Admin@Example.test", role: "ADMIN" });
    expect(invited).toMatchObject({ email: "new.admin@example.test", role: "ADMIN" });
    expect(invited).not.toHaveProperty("tokenHash");
    expect((await me.members.invitations()).map((i) => i.id)).toEqual([invited.id]);
  });
});

describe("the last owner", () => {
  it("cannot be demoted or removed, by themselves or anyone", async () => {
    const t = await team();
    const me = t.as(t.owner);
    for (const role of ["ADMIN", "MEMBER"] as Role[]) {
      await expectTRPCError(me.members.changeRole({ membershipId: t.ownerMembership.id, role }), "BAD_REQUEST");
    }
    await expectTRPCError(me.members.remove({ membershipId: t.ownerMembership.id }), "BAD_REQUEST");
    expect(await roleOf(t.ownerMembership.id)).toBe("OWNER");
  });

  it("can step down once there is another owner, who is then the last", async () => {
    const t = await team();
    const me = t.as(t.owner);
    await me.members.changeRole({ membershipId: t.admin.membership.id, role: "OWNER" });
    expect((await me.members.changeRole({ membershipId: t.ownerMembership.id, role: "ADMIN" })).role).toBe("ADMIN");

    const newOwner = t.as(t.admin.user);
    await expectTRPCError(newOwner.members.changeRole({ membershipId: t.admin.membership.id, role: "MEMBER" }), "BAD_REQUEST");
    await expectTRPCError(newOwner.members.remove({ membershipId: t.admin.membership.id }), "BAD_REQUEST");
    // Keeping the owner role is not a demotion.
    expect((await newOwner.members.changeRole({ membershipId: t.admin.membership.id, role: "OWNER" })).role).toBe("OWNER");
    expect(await db.membership.count({ where: { orgId: t.org.id, role: "OWNER" } })).toBe(1);
  });

  it("can remove another owner while one remains", async () => {
    const t = await team();
    const second = await addMember(db, t.org.id, "OWNER");
    expect(await t.as(t.owner).members.remove({ membershipId: second.membership.id })).toEqual({ id: second.membership.id });
    expect(await db.membership.count({ where: { orgId: t.org.id, role: "OWNER" } })).toBe(1);
  });
});

describe("invitations", () => {
  async function invite(role: Role, email: string) {
    const t = await team();
    const created = await t.as(t.owner).members.invite({ email, role });
    const token = new URL(created.url).pathname.split("/").at(-1)!;
    return { t, created, token };
  }

  it("lets the invited email join with the invited role, once", async () => {
    const { t, created, token } = await invite("ADMIN", "Invitee@Example.test");
    expect(created.url).toMatch(/^http:\/\/localhost:3000\/invite\/[\w-]{20,}$/);
    expect((await findInvitation(db, token))?.org).toEqual({ id: t.org.id, name: t.org.name });

    const invitee = await createUser(db, { email: "invitee@example.test" });
    expect(await acceptInvitation(db, { ...invitee, email: "INVITEE@example.test" }, token)).toEqual({ id: t.org.id, name: t.org.name });
    const membership = await db.membership.findUniqueOrThrow({ where: { orgId_userId: { orgId: t.org.id, userId: invitee.id } } });
    expect(membership.role).toBe("ADMIN");
    expect(await db.auditLog.findFirst({ where: { orgId: t.org.id, action: "member.joined" } })).toMatchObject({
      actorType: "USER",
      actorId: invitee.id,
      targetId: created.id,
    });
    // The new admin can now do admin things in the org.
    expect((await callerFor(db, invitee, t.org.id).members.invitations()).length).toBe(0);

    // Used: no second acceptance, by anyone.
    expect(await findInvitation(db, token)).toBeNull();
    await expectDomainError(acceptInvitation(db, invitee, token), "NOT_FOUND");
    const other = await createUser(db);
    await expectDomainError(acceptInvitation(db, other, token), "NOT_FOUND");
    expect(await db.membership.count({ where: { orgId: t.org.id, userId: other.id } })).toBe(0);
  });

  it("refuses a different email and leaves the invitation open", async () => {
    const { t, token } = await invite("MEMBER", "right@example.test");
    const wrong = await createUser(db, { email: "wrong@example.test" });
    const error = await expectDomainError(acceptInvitation(db, wrong, token), "FORBIDDEN");
    expect(error.message).toContain("right@example.test");
    expect(await db.membership.count({ where: { orgId: t.org.id, userId: wrong.id } })).toBe(0);
    expect(await findInvitation(db, token)).not.toBeNull();
  });

  it("refuses an expired token", async () => {
    const { t, created, token } = await invite("MEMBER", "late@example.test");
    await db.invitation.update({ where: { id: created.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const late = await createUser(db, { email: "late@example.test" });
    await expectDomainError(acceptInvitation(db, late, token), "NOT_FOUND");
    expect(await db.membership.count({ where: { orgId: t.org.id, userId: late.id } })).toBe(0);
    expect(await t.as(t.owner).members.invitations()).toEqual([]);
  });

  it("refuses a revoked or made-up token", async () => {
    const { t, created, token } = await invite("MEMBER", "revoked@example.test");
    await t.as(t.owner).members.revokeInvite({ id: created.id });
    const user = await createUser(db, { email: "revoked@example.test" });
    await expectDomainError(acceptInvitation(db, user, token), "NOT_FOUND");
    await expectDomainError(acceptInvitation(db, user, "not-a-real-token"), "NOT_FOUND");
    expect(await db.membership.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses to invite someone who is already a member", async () => {
    const t = await team();
    await expectTRPCError(t.as(t.owner).members.invite({ email: t.member.user.email.toUpperCase() }), "CONFLICT");
  });
});
