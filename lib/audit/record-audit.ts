import type { AuditAction, AuditTargetType } from "@/lib/audit/audit-catalog";
import type { SqlClient } from "@/lib/db/sql";
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

/** recordAudit on a raw SQL client (the message pipeline's transaction), in one statement. */
export async function recordAuditSql(ctx: Pick<OrgContext, "actor" | "orgId">, tx: SqlClient, entries: AuditEntry[]) {
  if (entries.length === 0) return;
  const col = <K extends keyof AuditEntry>(key: K) => entries.map((e) => e[key] ?? null);
  await tx.$executeRaw`
    INSERT INTO "AuditLog" (id, "orgId", "actorType", "actorId", "actorLabel", action, "targetType", "targetId", changes, "createdAt")
    SELECT u.id, ${ctx.orgId}, ${ctx.actor.type}::"ActorType", ${ctx.actor.id}, ${ctx.actor.label}, u.action, u.target_type, u.target_id, u.changes::jsonb, now() AT TIME ZONE 'UTC'
    FROM unnest(${entries.map(() => newId("audit"))}::text[], ${col("action")}::text[], ${col("targetType")}::text[], ${col("targetId")}::text[],
      ${entries.map((e) => (e.changes === undefined ? null : JSON.stringify(e.changes)))}::text[]) AS u(id, action, target_type, target_id, changes)`;
}
