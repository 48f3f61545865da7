import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { DomainError, notFound } from "@/lib/errors";
import { changeRoleInput, removeMemberInput } from "@/lib/members/member-input";
import { canManageMember } from "@/lib/members/roles";
import type { OrgContext, ScopedTx } from "@/lib/org-context";

export async function listMembers(ctx: OrgContext) {
  const members = await ctx.db.membership.findMany({
    orderBy: { createdAt: "asc" },
    select: { id: true, role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } },
  });
  return members;
}

async function loadTarget(ctx: OrgContext, tx: ScopedTx, membershipId: string) {
  const target = await tx.membership.findUnique({ where: { id: membershipId }, include: { user: { select: { email: true } } } });
  if (!target) throw notFound("Member", "membershipId");
  return target;
}

async function assertNotLastOwner(tx: ScopedTx, target: { role: string }) {
  if (target.role !== "OWNER") return;
  const owners = await tx.membership.count({ where: { role: "OWNER" } });
  if (owners <= 1) throw new DomainError("BAD_REQUEST", "An organisation needs at least one owner", "membershipId");
}

export async function changeMemberRole(ctx: OrgContext, raw: z.input<typeof changeRoleInput>) {
  const { membershipId, role } = changeRoleInput.parse(raw);
  return ctx.db.$transaction(async (tx) => {
    const target = await loadTarget(ctx, tx, membershipId);
    if (!ctx.role || !canManageMember(ctx.role, target.role, role)) {
      throw new DomainError("FORBIDDEN", "Your role cannot make this change", "role");
    }
    if (role !== "OWNER") await assertNotLastOwner(tx, target);
    const updated = await tx.membership.update({ where: { id: membershipId }, data: { role } });
    await recordAudit(ctx, tx, {
      action: "member.role_changed",
      targetType: "member",
      targetId: membershipId,
      changes: { email: target.user.email, role: { from: target.role, to: role } },
    });
    return updated;
  });
}

export async function removeMember(ctx: OrgContext, raw: z.input<typeof removeMemberInput>) {
  const { membershipId } = removeMemberInput.parse(raw);
  return ctx.db.$transaction(async (tx) => {
    const target = await loadTarget(ctx, tx, membershipId);
    if (!ctx.role || !canManageMember(ctx.role, target.role)) {
      throw new DomainError("FORBIDDEN", "Your role cannot remove this member", "membershipId");
    }
    await assertNotLastOwner(tx, target);
    await tx.membership.delete({ where: { id: membershipId } });
    await recordAudit(ctx, tx, {
      action: "member.removed",
      targetType: "member",
      targetId: membershipId,
      changes: { email: target.user.email, role: target.role },
    });
    return { id: membershipId };
  });
}
