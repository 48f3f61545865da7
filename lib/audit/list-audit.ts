import { z } from "zod";
import type { OrgContext } from "@/lib/org-context";

export const listAuditInput = z
  .object({
    targetId: z.string().optional(),
    cursor: z.string().optional(),
    limit: z.number().int().min(1).max(200).default(50),
    // tRPC's infinite queries add this to the input; the log only pages backwards in time.
    direction: z.enum(["forward", "backward"]).optional(),
  })
  .strict();

export async function listAudit(ctx: OrgContext, raw: z.input<typeof listAuditInput>) {
  const { targetId, cursor, limit } = listAuditInput.parse(raw);
  const rows = await ctx.db.auditLog.findMany({
    where: { ...(targetId && { targetId }), ...(cursor && { id: { lt: cursor } }) },
    orderBy: { id: "desc" },
    take: limit + 1,
  });
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
}
