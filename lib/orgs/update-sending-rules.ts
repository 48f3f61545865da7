// Saves the org's sending rules (admins), audited with what changed. Messages already made keep the
// window they were made with: a message's own columns say when it may go.
import { recordAudit } from "@/lib/audit/record-audit";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrgContext } from "@/lib/org-context";
import { updateSendingRulesInput, type UpdateSendingRulesInput } from "@/lib/orgs/sending-rules-input";

const FIELDS = ["quietStart", "quietEnd", "marketingCapPer24h", "optOutLanguage"] as const;
const select = { quietStart: true, quietEnd: true, marketingCapPer24h: true, optOutLanguage: true } as const;

export async function updateSendingRules(ctx: OrgContext, raw: UpdateSendingRulesInput) {
  const input = updateSendingRulesInput.parse(raw);
  return ctx.db.$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select });
    const after = await tx.organization.update({ where: { id: ctx.orgId }, data: input, select });
    const changes = Object.fromEntries(
      FIELDS.filter((k) => before[k] !== after[k]).map((k) => [k, { from: before[k], to: after[k] }]),
    ) as Prisma.InputJsonObject;
    if (Object.keys(changes).length > 0) {
      await recordAudit(ctx, tx, { action: "organization.sending_rules_updated", targetType: "organization", targetId: ctx.orgId, changes });
    }
    return after;
  });
}
