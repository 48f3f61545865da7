// The org's recent imports (the Import page), and the ones still being checked or running (the
// Contacts page's progress banner).
import type { OrgContext } from "@/lib/org-context";

const select = { id: true, fileName: true, status: true, rowsTotal: true, rowsDone: true, startedAt: true, finishedAt: true, createdAt: true } as const;

export async function listImports(ctx: OrgContext) {
  return ctx.db.contactImport.findMany({ orderBy: { createdAt: "desc" }, take: 20, select });
}

export async function listActiveImports(ctx: OrgContext) {
  return ctx.db.contactImport.findMany({ where: { status: { in: ["STAGING", "RUNNING"] } }, orderBy: { createdAt: "desc" }, take: 5, select });
}
