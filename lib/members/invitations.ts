// Invitations by link. No mail server is needed: the link is returned to the inviter (shown in the
// UI) and logged. Only a hash of the token is stored, so the database alone cannot accept invites.
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { DomainError, notFound } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { logger } from "@/lib/log/logger";
import { inviteInput, revokeInviteInput } from "@/lib/members/member-input";
import { canManageMember } from "@/lib/members/roles";
import type { OrgContext } from "@/lib/org-context";

const log = logger.child({ component: "invite" });

const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export function inviteUrl(token: string) {
  return new URL(`/invite/${token}`, env.APP_URL).toString();
}

export async function createInvitation(ctx: OrgContext, raw: z.input<typeof inviteInput>) {
  const { email, role } = inviteInput.parse(raw);
  if (!ctx.role || !canManageMember(ctx.role, "MEMBER", role)) {
    throw new DomainError("FORBIDDEN", `Your role cannot invite an ${role.toLowerCase()}`, "role");
  }
  const alreadyMember = await ctx.db.membership.findFirst({ where: { user: { email } }, select: { id: true } });
  if (alreadyMember) throw new DomainError("CONFLICT", `${email} is already a member`, "email");
  const token = randomBytes(24).toString("base64url");
  const invitation = await ctx.db.$transaction(async (tx) => {
    // A new invitation to the same email replaces a pending one: only the newest link works.
    await tx.invitation.deleteMany({ where: { email, acceptedAt: null } });
    const created = await tx.invitation.create({
      data: {
        id: newId("invitation"),
        orgId: ctx.orgId,
        email,
        role,
        tokenHash: hashToken(token),
        invitedById: ctx.actor.id ?? "system",
        expiresAt: new Date(Date.now() + INVITE_TTL_MS),
      },
      omit: { tokenHash: true },
    });
    await recordAudit(ctx, tx, { action: "member.invited", targetType: "invitation", targetId: created.id, changes: { email, role } });
    return created;
  });
  const url = inviteUrl(token);
  log.info(`${email} invited to ${ctx.orgId} as ${role}: ${url}`);
  return { ...invitation, url };
}

export async function listInvitations(ctx: OrgContext) {
  return ctx.db.invitation.findMany({
    where: { acceptedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    omit: { tokenHash: true },
  });
}

export async function revokeInvitation(ctx: OrgContext, raw: z.input<typeof revokeInviteInput>) {
  const { id } = revokeInviteInput.parse(raw);
  return ctx.db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({ where: { id } });
    if (!invitation) throw notFound("Invitation", "id");
    await tx.invitation.delete({ where: { id } });
    await recordAudit(ctx, tx, { action: "member.invite_revoked", targetType: "invitation", targetId: id, changes: { email: invitation.email } });
    return { id };
  });
}

/** What the invite page shows before the person accepts. Not org-scoped: the token is the key. */
export async function findInvitation(db: Db, token: string) {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { org: { select: { id: true, name: true } } },
    omit: { tokenHash: true },
  });
  if (!invitation || invitation.acceptedAt || invitation.expiresAt < new Date()) return null;
  return invitation;
}

export async function acceptInvitation(db: Db, user: { id: string; email: string }, token: string) {
  const invitation = await findInvitation(db, token);
  if (!invitation) throw new DomainError("NOT_FOUND", "This invitation link is invalid, used or expired");
  if (invitation.email !== user.email.toLowerCase()) {
    throw new DomainError("FORBIDDEN", `This invitation is for ${invitation.email}; sign in with that email to accept it`);
  }
  return db.$transaction(async (tx) => {
    // Claimed inside the transaction: of two accepts racing, only one finds it still open.
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, expiresAt: { gt: new Date() } },
      data: { acceptedAt: new Date() },
    });
    if (claimed.count === 0) throw new DomainError("NOT_FOUND", "This invitation link is invalid, used or expired");
    await tx.membership.upsert({
      where: { orgId_userId: { orgId: invitation.orgId, userId: user.id } },
      create: { id: newId("membership"), orgId: invitation.orgId, userId: user.id, role: invitation.role },
      update: {},
    });
    const actor = { type: "USER", id: user.id, label: user.email } as const;
    await recordAudit({ orgId: invitation.orgId, actor }, tx, {
      action: "member.joined",
      targetType: "invitation",
      targetId: invitation.id,
      changes: { role: invitation.role },
    });
    return invitation.org;
  });
}
