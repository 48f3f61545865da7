// Who new conversations are dealt to (lib/conversations/auto-assign.ts) and each one's cap of open
// conversations: the org's members, set by admins (an admin procedure), audited. No one chosen: no auto-assignment.
import { recordAudit } from "@/lib/audit/record-audit";
import { DomainError } from "@/lib/errors";
import { autoAssignInput } from "@/lib/inbox/inbox-input";
import type { OrgContext } from "@/lib/org-context";
import type { z } from "zod";

/** The org's members, each with their auto-assignment cap (null: not chosen) and open conversations. */
export async function listTeammates(ctx: OrgContext) {
  const [members, chosen, open] = await Promise.all([
    ctx.db.membership.findMany({ select: { user: { select: { id: true, name: true, email: true } } }, orderBy: { createdAt: "asc" } }),
    ctx.db.inboxAssignee.findMany({ select: { userId: true, cap: true } }),
    ctx.db.conversation.groupBy({ by: ["assigneeId"], where: { status: "OPEN", assigneeId: { not: null } }, _count: { _all: true } }),
  ]);
  const caps = new Map(chosen.map((c) => [c.userId, c.cap]));
  const counts = new Map(open.map((o) => [o.assigneeId, o._count._all]));
  return members.map(({ user }) => ({ ...user, cap: caps.get(user.id) ?? null, open: counts.get(user.id) ?? 0 }));
}

export async function setAutoAssign(ctx: OrgContext, raw: z.input<typeof autoAssignInput>) {
  const { teammates } = autoAssignInput.parse(raw);
  const ids = teammates.map((t) => t.userId);
  if (new Set(ids).size !== ids.length) throw new DomainError("BAD_REQUEST", "Each teammate once", "teammates");
  const members = await ctx.db.membership.count({ where: { userId: { in: ids } } });
  if (members !== ids.length) throw new DomainError("BAD_REQUEST", "Every teammate must be a member of this organisation", "teammates");
  await ctx.db.$transaction(async (tx) => {
    await tx.inboxAssignee.deleteMany({ where: { userId: { notIn: ids } } });
    for (const t of teammates) {
      await tx.inboxAssignee.upsert({ where: { orgId_userId: { orgId: ctx.orgId, userId: t.userId } }, create: { orgId: ctx.orgId, userId: t.userId, cap: t.cap }, update: { cap: t.cap } });
    }
    await recordAudit(ctx, tx, { action: "inbox.auto_assign_updated", targetType: "inbox", targetId: null, changes: { teammates } });
  });
  return listTeammates(ctx);
}
