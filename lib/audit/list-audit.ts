import { z } from "zod";
import { auditAction, auditTargetType } from "@/lib/audit/audit-catalog";
import { resolveAuditRefs } from "@/lib/audit/resolve-audit-refs";
import { ActorType } from "@/lib/generated/prisma/enums";
import type { OrgContext } from "@/lib/org-context";

export const listAuditInput = z
  .object({
    targetId: z.string().optional(),
    targetType: auditTargetType.optional(),
    action: auditAction.optional(),
    actorType: z.enum(ActorType).optional(),
    /** A user's or an API key's id (system actors have none: pick them by actorType). */
    actorId: z.string().optional(),
    cursor: z.string().optional(),
    limit: z.number().int().min(1).max(200).default(50),
    // tRPC's infinite queries add this to the input; the log only pages backwards in time.
    direction: z.enum(["forward", "backward"]).optional(),
  })
  .strict();

/** A page of the log, newest first, with names for the ids it quotes (`refs`). */
export async function listAudit(ctx: OrgContext, raw: z.input<typeof listAuditInput>) {
  const { targetId, targetType, action, actorType, actorId, cursor, limit } = listAuditInput.parse(raw);
  const rows = await ctx.db.auditLog.findMany({
    where: {
      ...(targetId && { targetId }),
      ...(targetType && { targetType }),
      ...(action && { action }),
      ...(actorType && { actorType }),
      ...(actorId && { actorId }),
      ...(cursor && { id: { lt: cursor } }),
    },
    orderBy: { id: "desc" },
    take: limit + 1,
  });
  const items = rows.slice(0, limit);
  return { items, refs: await resolveAuditRefs(ctx.db, items), nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
}
