// Campaigns as drafts: create, edit, read (the list is list-campaigns.ts). A draft is checked as it is saved (its senders and
// media are the org's, its merge fields exist, its lists and segments are the org's), so the plan
// and the send find nothing new wrong with it but what changed since.
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { audienceQuery } from "@/lib/campaigns/audience-sql";
import { checkedCampaignTexts } from "@/lib/campaigns/campaign-body";
import {
  audienceInput,
  campaignIdInput,
  createCampaignInput,
  hasContent,
  scheduleInput,
  updateCampaignInput,
  type Audience,
  type Schedule,
} from "@/lib/campaigns/campaign-input";
import { DomainError, notFound } from "@/lib/errors";
import type { Campaign as CampaignRow, Prisma } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";
import type { OrgContext, ScopedTx } from "@/lib/org-context";

export type Campaign = Omit<CampaignRow, "audience" | "schedule"> & { audience: Audience; schedule: Schedule };

const json = (value: unknown) => value as Prisma.InputJsonValue;

/** The row with its JSON read back through the schemas it was written with. */
export const campaignOf = (row: CampaignRow): Campaign => ({ ...row, audience: audienceInput.parse(row.audience), schedule: scheduleInput.parse(row.schedule) });

export async function getCampaign(ctx: OrgContext, raw: z.input<typeof campaignIdInput>, field = "id"): Promise<Campaign> {
  const { id } = campaignIdInput.parse(raw);
  const row = await ctx.db.campaign.findUnique({ where: { id } });
  if (!row) throw notFound("Campaign", field);
  return campaignOf(row);
}

/** Checks what a draft names: senders, media, merge fields, lists and segments (again when it is sent). */
export async function checkDraft(ctx: OrgContext, draft: Pick<Campaign, "body" | "appendOptOut" | "senderIds" | "mediaIds" | "audience" | "schedule">) {
  if (!hasContent(draft)) throw new DomainError("BAD_REQUEST", "Write a message or attach media", "body", "invalid_parameter");
  await checkedCampaignTexts(ctx, draft);
  const senders = await ctx.db.senderNumber.findMany({ where: { id: { in: draft.senderIds } }, select: { id: true, mmsEnabled: true, address: true } });
  // Named by id, not position: the pool is deduplicated and sorted before it is checked.
  const missing = draft.senderIds.find((id) => !senders.some((s) => s.id === id));
  if (missing) throw new DomainError("BAD_REQUEST", `Sender ${missing} not found`, "senderIds", "unknown_sender");
  if (draft.mediaIds.length) {
    const media = await ctx.db.mediaAsset.count({ where: { id: { in: draft.mediaIds } } });
    if (media !== new Set(draft.mediaIds).size) throw new DomainError("BAD_REQUEST", "Media not found", "mediaIds", "media_not_found");
    const noMms = senders.find((s) => !s.mmsEnabled);
    if (noMms) throw new DomainError("BAD_REQUEST", `MMS is not supported on this sender (${noMms.address})`, "mediaIds", "mms_not_supported");
  }
  await audienceQuery(ctx, { ...draft, startAt: new Date() });
}

export async function createCampaign(ctx: OrgContext, raw: z.input<typeof createCampaignInput>): Promise<Campaign> {
  const input = createCampaignInput.parse(raw);
  const draft = { ...input, senderIds: [...new Set(input.senderIds)].sort() };
  await checkDraft(ctx, draft);
  const row = await ctx.db.$transaction(async (tx) => {
    const created = await tx.campaign.create({
      data: {
        id: newId("campaign"),
        orgId: ctx.orgId,
        name: draft.name,
        body: draft.body,
        mediaIds: draft.mediaIds,
        audience: json(draft.audience),
        senderIds: draft.senderIds,
        schedule: json(draft.schedule),
        appendOptOut: draft.appendOptOut,
        trackLinks: draft.trackLinks,
        utmParameters: draft.utmParameters,
        createdById: ctx.actor.type === "USER" ? ctx.actor.id : null,
      },
    });
    await recordAudit(ctx, tx, { action: "campaign.created", targetType: "campaign", targetId: created.id, changes: { name: draft.name } });
    return created;
  });
  return campaignOf(row);
}

/** Edits a draft; a campaign once scheduled changes only its schedule (scheduleCampaign). */
export async function updateCampaign(ctx: OrgContext, raw: z.input<typeof updateCampaignInput>): Promise<Campaign> {
  const { id, ...changes } = updateCampaignInput.parse(raw);
  const before = await getCampaign(ctx, { id });
  if (before.status !== "DRAFT") throw notDraft(before);
  const senderIds = changes.senderIds ? [...new Set(changes.senderIds)].sort() : before.senderIds;
  const draft = { ...before, ...changes, senderIds };
  await checkDraft(ctx, draft);
  const row = await ctx.db.$transaction(async (tx) => {
    await lockDraft(ctx, tx, id);
    const updated = await tx.campaign.update({
      where: { id },
      data: {
        name: draft.name,
        body: draft.body,
        mediaIds: draft.mediaIds,
        audience: json(draft.audience),
        senderIds,
        schedule: json(draft.schedule),
        appendOptOut: draft.appendOptOut,
        trackLinks: draft.trackLinks,
        utmParameters: draft.utmParameters,
      },
    });
    await recordAudit(ctx, tx, { action: "campaign.updated", targetType: "campaign", targetId: id, changes: { fields: Object.keys(changes) } });
    return updated;
  });
  return campaignOf(row);
}

const notDraft = (c: { status: string }) =>
  new DomainError("CONFLICT", `Only a draft can be edited; this campaign is ${c.status.toLowerCase()}`, "id", "campaign_status_conflict");

/** Locks the campaign's row for the edit: one sent meanwhile is not edited. */
async function lockDraft(ctx: OrgContext, tx: ScopedTx, id: string) {
  const [row] = await tx.$queryRaw<{ status: string }[]>`SELECT status::text AS status FROM "Campaign" WHERE id = ${id} AND "orgId" = ${ctx.orgId} FOR UPDATE`;
  if (!row) throw notFound("Campaign", "id");
  if (row.status !== "DRAFT") throw notDraft(row);
}
