// A sending campaign becomes COMPLETED when nothing of it is left to happen: every recipient has its
// message (or its skip reason), no message waits to be sent, and every sent message has its receipt
// or was sent more than RECEIPT_WAIT_MS ago (a carrier that sends no receipts must not keep a
// campaign open for ever). Completion is recorded with its campaign.completed webhook and audit
// entry in one transaction under the campaign's row lock, so it happens once.
import { recordAudit } from "@/lib/audit/record-audit";
import { campaignCounts, type CampaignCounts } from "@/lib/campaigns/campaign-progress";
import type { SqlClient } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrgContext } from "@/lib/org-context";
import { enqueueWebhookEvents } from "@/lib/webhooks/enqueue-webhook-events";

export const RECEIPT_WAIT_MS = 60 * 60_000;

export async function completeIfSettled(ctx: OrgContext, campaignId: string, now = new Date()): Promise<{ completed: boolean }> {
  // The counts are read before the row lock, once the campaign looks settled: over a million
  // recipients they take seconds, more than a transaction may stay open (and a pause or cancel would
  // wait on the lock meanwhile). Settled, they no longer move, but for a receipt an hour late.
  const first = await settledState(ctx, ctx.db, campaignId, now, Prisma.empty);
  if (!first || first.status !== "SENDING") return { completed: first?.status === "COMPLETED" };
  if (first.unsettled) return { completed: false };
  const counts = await campaignCounts(ctx.db, ctx.orgId, campaignId);
  return ctx.db.$transaction(async (tx) => {
    const row = await settledState(ctx, tx, campaignId, now, Prisma.sql`FOR UPDATE`);
    if (!row || row.status !== "SENDING") return { completed: row?.status === "COMPLETED" };
    if (row.unsettled) return { completed: false };
    await tx.campaign.update({ where: { id: campaignId }, data: { status: "COMPLETED", completedAt: now, finalCounts: counts as unknown as Prisma.InputJsonValue } });
    await recordAudit(ctx, tx, { action: "campaign.completed", targetType: "campaign", targetId: campaignId, changes: { ...counts.messages } });
    await enqueueWebhookEvents(tx, [
      { orgId: ctx.orgId, type: "campaign.completed", subjectId: campaignId, occurredAt: now, data: completedPayload(campaignId, row.name, row.startedAt, now, counts) },
    ]);
    return { completed: true };
  });
}

/** The campaign's status, and whether anything of it is left to happen (`lock`: FOR UPDATE, or nothing). */
async function settledState(ctx: OrgContext, db: SqlClient, campaignId: string, now: Date, lock: Prisma.Sql) {
  const [row] = await db.$queryRaw<{ status: string; name: string; startedAt: Date | null; unsettled: boolean }[]>`
    SELECT status::text AS status, name, "startedAt",
      EXISTS (SELECT 1 FROM "CampaignRecipient" r WHERE r."campaignId" = ${campaignId} AND r."orgId" = ${ctx.orgId}
                AND r."messageId" IS NULL AND r."skipReason" IS NULL)
      OR EXISTS (SELECT 1 FROM "Message" m WHERE m."campaignId" = ${campaignId} AND m."orgId" = ${ctx.orgId}
                AND (m.status IN ('SCHEDULED', 'QUEUED', 'SENDING')
                     OR (m.status = 'SENT' AND m."sentAt" > ${new Date(now.getTime() - RECEIPT_WAIT_MS).toISOString()}::timestamp))) AS unsettled
    FROM "Campaign" WHERE id = ${campaignId} AND "orgId" = ${ctx.orgId} ${lock}`;
  return row;
}

function completedPayload(id: string, name: string, startedAt: Date | null, completedAt: Date, counts: CampaignCounts) {
  return {
    id,
    object: "campaign",
    name,
    status: "completed",
    started_at: startedAt?.toISOString() ?? null,
    completed_at: completedAt.toISOString(),
    recipients: counts.recipients,
    skipped: Object.fromEntries(Object.entries(counts.skipped).map(([reason, n]) => [reason.toLowerCase(), n])),
    messages: Object.fromEntries(Object.entries(counts.messages).map(([status, n]) => [status.toLowerCase(), n])),
  };
}
