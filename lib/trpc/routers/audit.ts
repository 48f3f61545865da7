import { listAudit, listAuditInput } from "@/lib/audit/list-audit";
import { adminProcedure, createTRPCRouter } from "@/lib/trpc/init";

export const auditRouter = createTRPCRouter({
  list: adminProcedure.input(listAuditInput).query(({ ctx, input }) => listAudit(ctx.org, input)),
});
