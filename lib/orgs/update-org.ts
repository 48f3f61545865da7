import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import type { OrgContext } from "@/lib/org-context";
import { updateOrgInput } from "@/lib/orgs/org-input";

export async function updateOrg(ctx: OrgContext, raw: z.input<typeof updateOrgInput>) {
  const input = updateOrgInput.parse(raw);
  return ctx.db.$transaction(async (tx) => {
    const org = await tx.organization.update({ where: { id: ctx.orgId }, data: input });
    await recordAudit(ctx, tx, { action: "organization.updated", targetType: "organization", targetId: ctx.orgId, changes: input });
    return org;
  });
}
