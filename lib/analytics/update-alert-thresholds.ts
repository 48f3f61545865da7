// Saves the org's deliverability alert thresholds (admins), audited with what changed.
import { updateAlertThresholdsInput, type UpdateAlertThresholdsInput } from "@/lib/analytics/dashboard-input";
import { recordAudit } from "@/lib/audit/record-audit";
import type { OrgContext } from "@/lib/org-context";

const select = { failureAlertBps: true, optOutAlertBps: true } as const;

export async function updateAlertThresholds(ctx: OrgContext, raw: UpdateAlertThresholdsInput) {
  const input = updateAlertThresholdsInput.parse(raw);
  return ctx.db.$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select });
    const after = await tx.organization.update({ where: { id: ctx.orgId }, data: input, select });
    const changes = Object.fromEntries(
      (["failureAlertBps", "optOutAlertBps"] as const).filter((k) => before[k] !== after[k]).map((k) => [k, { from: before[k], to: after[k] }]),
    );
    if (Object.keys(changes).length > 0) {
      await recordAudit(ctx, tx, { action: "organization.alert_thresholds_updated", targetType: "organization", targetId: ctx.orgId, changes });
    }
    return after;
  });
}
