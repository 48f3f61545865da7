// Pause, resume, cancel. Each takes the campaign's row lock, which a fan-out chunk holds shared for
// its whole transaction: a pause or cancel waits for a chunk in flight and then sees its messages, and
// a chunk after it sees the campaign no longer SENDING and makes none.
// - Pause: no new message is made, and the campaign's messages not yet claimed by a dispatcher are
//   held: QUEUED ones go back to SCHEDULED, and they and any scheduled ones lose their send time
//   (sendAt null: nothing wakes them). Messages already claimed (SENDING) finish. At most the
//   fan-out's lead (a minute of the senders' throughput) is ever queued, so a pause moves few rows.
// - Resume: the held messages QUEUED again, the dispatchers asked, the fan-out asked to go on.
// - Cancel: every message still waiting (queued or held) CANCELED, and no more made; answers how
//   many were canceled and how many recipients never got one.
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { campaignIdInput } from "@/lib/campaigns/campaign-input";
import { campaignOf, type Campaign } from "@/lib/campaigns/manage-campaigns";
import { afterCommit } from "@/lib/db/after-commit";
import { DomainError, notFound } from "@/lib/errors";
import { emitEvents } from "@/lib/events/emit";
import { campaignFanOutRequested } from "@/lib/events/campaigns";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CampaignStatus, MessageStatus } from "@/lib/generated/prisma/enums";
import { applyStatusChanges } from "@/lib/messaging/message-history";
import { requestDispatch } from "@/lib/messaging/request-dispatch";
import type { OrgContext, ScopedTx } from "@/lib/org-context";

type IdInput = z.input<typeof campaignIdInput>;

async function lockCampaign(ctx: OrgContext, tx: ScopedTx, id: string, allowed: CampaignStatus[], doing: string): Promise<CampaignStatus> {
  const [row] = await tx.$queryRaw<{ status: CampaignStatus }[]>`
    SELECT status FROM "Campaign" WHERE id = ${id} AND "orgId" = ${ctx.orgId} FOR UPDATE`;
  if (!row) throw notFound("Campaign", "id");
  if (!allowed.includes(row.status)) {
    throw new DomainError("CONFLICT", `A ${row.status.toLowerCase()} campaign cannot be ${doing}`, "id", "campaign_status_conflict");
  }
  return row.status;
}

async function messagesIn(ctx: OrgContext, tx: ScopedTx, id: string, statuses: MessageStatus[], held = false) {
  return tx.$queryRaw<{ id: string; senderId: string | null }[]>`
    SELECT id, "senderId" FROM "Message"
    WHERE "campaignId" = ${id} AND "orgId" = ${ctx.orgId} AND status::text = ANY(${statuses}::text[]) ${held ? Prisma.sql`AND "sendAt" IS NULL` : Prisma.empty}`;
}

async function setStatus(tx: ScopedTx, id: string, data: Parameters<ScopedTx["campaign"]["update"]>[0]["data"]) {
  return campaignOf(await tx.campaign.update({ where: { id }, data }));
}

export async function pauseCampaign(ctx: OrgContext, raw: IdInput): Promise<Campaign & { held: number }> {
  const { id } = campaignIdInput.parse(raw);
  return ctx.db.$transaction(async (tx) => {
    await lockCampaign(ctx, tx, id, ["SENDING"], "paused");
    const queued = await messagesIn(ctx, tx, id, ["QUEUED"]);
    const moved = await applyStatusChanges(tx, "SCHEDULED", queued.map((m) => ({ messageId: m.id, to: "SCHEDULED" })), "campaign", { orgId: ctx.orgId, from: ["QUEUED"] });
    const held = await tx.$executeRaw`
      UPDATE "Message" SET "sendAt" = NULL, "nextAttemptAt" = NULL
      WHERE "campaignId" = ${id} AND "orgId" = ${ctx.orgId} AND status = 'SCHEDULED'`;
    await recordAudit(ctx, tx, { action: "campaign.paused", targetType: "campaign", targetId: id, changes: { held, wereQueued: moved.length } });
    return { ...(await setStatus(tx, id, { status: "PAUSED" })), held };
  });
}

export async function resumeCampaign(ctx: OrgContext, raw: IdInput): Promise<Campaign & { released: number }> {
  const { id } = campaignIdInput.parse(raw);
  const resumed = await ctx.db.$transaction(async (tx) => {
    await lockCampaign(ctx, tx, id, ["PAUSED"], "resumed");
    const held = await messagesIn(ctx, tx, id, ["SCHEDULED"], true);
    const moved = await applyStatusChanges(tx, "QUEUED", held.map((m) => ({ messageId: m.id, to: "QUEUED" })), "campaign", { orgId: ctx.orgId, from: ["SCHEDULED"] });
    for (const senderId of new Set(held.flatMap((m) => (m.senderId ? [m.senderId] : [])))) {
      await afterCommit(tx, () => requestDispatch(ctx.orgId, senderId));
    }
    await recordAudit(ctx, tx, { action: "campaign.resumed", targetType: "campaign", targetId: id, changes: { released: moved.length } });
    return { ...(await setStatus(tx, id, { status: "SENDING" })), released: moved.length };
  });
  await emitEvents(campaignFanOutRequested.create({ orgId: ctx.orgId, campaignId: id }));
  return resumed;
}

export async function cancelCampaign(ctx: OrgContext, raw: IdInput): Promise<Campaign & { canceled: number; notSent: number }> {
  const { id } = campaignIdInput.parse(raw);
  return ctx.db.$transaction(async (tx) => {
    await lockCampaign(ctx, tx, id, ["DRAFT", "SCHEDULED", "SENDING", "PAUSED"], "canceled");
    const pending = await messagesIn(ctx, tx, id, ["QUEUED", "SCHEDULED"]);
    const canceled = await applyStatusChanges(tx, "CANCELED", pending.map((m) => ({ messageId: m.id, to: "CANCELED" })), "campaign", { orgId: ctx.orgId });
    const [left] = await tx.$queryRaw<{ notSent: number }[]>`
      SELECT count(*)::int AS "notSent" FROM "CampaignRecipient"
      WHERE "campaignId" = ${id} AND "orgId" = ${ctx.orgId} AND "messageId" IS NULL AND "skipReason" IS NULL`;
    const notSent = left!.notSent;
    await recordAudit(ctx, tx, { action: "campaign.canceled", targetType: "campaign", targetId: id, changes: { canceled: canceled.length, notSent } });
    return { ...(await setStatus(tx, id, { status: "CANCELED", canceledAt: new Date() })), canceled: canceled.length, notSent };
  });
}
