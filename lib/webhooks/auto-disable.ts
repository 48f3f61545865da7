// Switching off an endpoint that keeps failing. The rule: after DISABLE_AFTER_FAILURES deliveries in
// a row have failed for good (each after its whole retry schedule, ~27 hours) with no success in
// between, the endpoint is disabled with a reason the Webhooks page shows; any success resets the
// count. A receiver down for a day loses nothing; one gone for good stops costing retries.
import { recordAudit } from "@/lib/audit/record-audit";
import type { Prisma, WebhookEndpoint } from "@/lib/generated/prisma/client";

const DISABLE_AFTER_FAILURES = 10;

type Tx = Prisma.TransactionClient;

export async function recordFinalOutcomes(
  tx: Tx,
  endpoint: WebhookEndpoint,
  round: { succeeded: number; failed: number; lastError: string | null },
  threshold = DISABLE_AFTER_FAILURES,
): Promise<void> {
  if (round.succeeded > 0) {
    // Order within a round is not known, so a success anywhere in it ends the streak.
    await tx.webhookEndpoint.update({ where: { id: endpoint.id }, data: { failureStreak: 0 } });
    return;
  }
  if (round.failed === 0) return;
  const updated = await tx.webhookEndpoint.update({
    where: { id: endpoint.id },
    data: { failureStreak: { increment: round.failed } },
  });
  if (updated.failureStreak < threshold || !updated.enabled) return;
  const reason =
    `Disabled automatically on ${new Date().toISOString().slice(0, 10)}: the last ${updated.failureStreak} deliveries ` +
    `failed after every retry${round.lastError ? ` (last error: ${round.lastError})` : ""}. Fix the endpoint, then enable it again.`;
  await tx.webhookEndpoint.update({ where: { id: endpoint.id }, data: { enabled: false, disabledReason: reason } });
  await recordAudit({ orgId: endpoint.orgId, actor: { type: "SYSTEM", id: null, label: "Webhook deliveries" } }, tx, {
    action: "webhook_endpoint.auto_disabled",
    targetType: "webhook_endpoint",
    targetId: endpoint.id,
    changes: { failureStreak: updated.failureStreak, reason },
  });
}
