// An import whose job gave up (its retries spent): FAILED with the reason, rather than left
// "checking" or "importing" for ever. Chunks already merged stay; the report still has its rows.
import type { OrgContext } from "@/lib/org-context";

export async function failImport(ctx: OrgContext, importId: string, reason: string): Promise<void> {
  await ctx.db.contactImport.updateMany({
    where: { id: importId, status: { in: ["STAGING", "RUNNING"] } },
    data: { status: "FAILED", error: reason.slice(0, 500), finishedAt: new Date() },
  });
}
