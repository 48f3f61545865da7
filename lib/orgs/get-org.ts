import type { OrgContext } from "@/lib/org-context";

/** The organisation the call acts in. */
export async function getOrg(ctx: OrgContext) {
  return ctx.db.organization.findUniqueOrThrow({ where: { id: ctx.orgId } });
}
