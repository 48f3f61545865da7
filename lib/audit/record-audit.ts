import type { AuditAction, AuditTargetType } from "@/lib/audit/audit-catalog";
import type { Prisma } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";
import type { OrgContext } from "@/lib/org-context";

/** Any client that can write audit rows: scoped or not, inside a transaction or not. */
interface AuditWriter {
  auditLog: { createMany(args: { data: Prisma.AuditLogCreateManyInput[] }): Promise<unknown> };
}

export interface AuditEntry {
  action: AuditAction;
  targetType: AuditTargetType;
  targetId?: string | null;
  changes?: Prisma.InputJsonValue;
}

/** Writes audit rows; pass the transaction that makes the change so both land or neither does. */
export async function recordAudit(
  ctx: Pick<OrgContext, "actor" | "orgId">,
  tx: AuditWriter,
  entries: AuditEntry | AuditEntry[],
) {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  await tx.auditLog.createMany({
    data: list.map((e) => ({
      id: newId("audit"),
      orgId: ctx.orgId,
      actorType: ctx.actor.type,
      actorId: ctx.actor.id,
      actorLabel: ctx.actor.label,
      action: e.action,
      targetType: e.targetType,
      targetId: e.targetId ?? null,
      changes: e.changes,
    })),
  });
}
