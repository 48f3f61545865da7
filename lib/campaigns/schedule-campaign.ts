// Sending a campaign: now, or at its schedule. The draft is checked again (a list, segment, sender
// or custom field may have gone since it was saved), its start computed, and it becomes SCHEDULED
// under its row lock; the fan-out is asked for once that has committed. A campaign not yet started
// may be given another schedule the same way: the run waiting for the old start finds the campaign's
// start changed when it wakes, and ends.
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { scheduleCampaignInput } from "@/lib/campaigns/campaign-input";
import { startOf } from "@/lib/campaigns/campaign-schedule";
import { refuseTooFewToTest } from "@/lib/campaigns/check-ab-test";
import { campaignOf, checkDraft, getCampaign, type Campaign } from "@/lib/campaigns/manage-campaigns";
import { DomainError, notFound } from "@/lib/errors";
import { emitEvents } from "@/lib/events/emit";
import { campaignFanOutRequested } from "@/lib/events/campaigns";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrgContext } from "@/lib/org-context";

const NOT_STARTED = ["DRAFT", "SCHEDULED"];

export async function scheduleCampaign(ctx: OrgContext, raw: z.input<typeof scheduleCampaignInput>): Promise<Campaign> {
  const input = scheduleCampaignInput.parse(raw);
  const before = await getCampaign(ctx, { id: input.id });
  if (!NOT_STARTED.includes(before.status)) throw alreadyStarted(before.status);
  const schedule = input.schedule ?? before.schedule;
  await checkDraft(ctx, { ...before, schedule });
  const startAt = await startOf(ctx, schedule);
  await refuseTooFewToTest(ctx, { ...before, schedule, startAt });

  const row = await ctx.db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ status: string }[]>`
      SELECT status::text AS status FROM "Campaign" WHERE id = ${input.id} AND "orgId" = ${ctx.orgId} FOR UPDATE`;
    if (!locked) throw notFound("Campaign", "id");
    if (!NOT_STARTED.includes(locked.status)) throw alreadyStarted(locked.status);
    const updated = await tx.campaign.update({
      where: { id: input.id },
      data: { status: "SCHEDULED", schedule: schedule as Prisma.InputJsonValue, startAt },
    });
    await recordAudit(ctx, tx, {
      action: locked.status === "SCHEDULED" ? "campaign.rescheduled" : "campaign.scheduled",
      targetType: "campaign",
      targetId: input.id,
      changes: { schedule: schedule as Prisma.InputJsonValue, startAt: startAt.toISOString() },
    });
    return updated;
  });
  await emitEvents(campaignFanOutRequested.create({ orgId: ctx.orgId, campaignId: input.id, startAt: startAt.toISOString() }));
  return campaignOf(row);
}

const alreadyStarted = (status: string) =>
  new DomainError("CONFLICT", `This campaign is ${status.toLowerCase()}: only a draft or a scheduled campaign can be scheduled`, "id", "campaign_status_conflict");
