import { listAudit, listAuditInput } from "@/lib/audit/list-audit";
import { listAuditActors } from "@/lib/audit/list-audit-actors";
import { adminProcedure, createTRPCRouter } from "@/lib/trpc/init";

export const auditRouter = createTRPCRouter({
  list: adminProcedure.input(listAuditInput).query(({ ctx, input }) => listAudit(ctx.org, input)),
  actors: adminProcedure.query(({ ctx }) => listAuditActors(ctx.org)),
});
