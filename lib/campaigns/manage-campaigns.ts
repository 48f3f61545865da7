// Campaigns as drafts: create, edit, read (the list is list-campaigns.ts). A draft is checked as it is saved (its senders and
// media are the org's, its merge fields exist, its lists and segments are the org's), so the plan
// and the send find nothing new wrong with it but what changed since.
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { audienceQuery } from "@/lib/campaigns/audience-sql";
import { checkedCampaignTexts } from "@/lib/campaigns/campaign-body";
import { checkAbTest } from "@/lib/campaigns/check-ab-test";
import { checkVariants } from "@/lib/campaigns/campaign-variants";
import {
  abTestInput,
  audienceInput,
  campaignIdInput,
  createCampaignInput,
  hasContent,
  scheduleInput,
  updateCampaignInput,
  variantsInput,
  type AbTest,
  type Audience,
  type Schedule,
  type Variant,
} from "@/lib/campaigns/campaign-input";
import { DomainError, notFound } from "@/lib/errors";
import { Prisma, type Campaign as CampaignRow } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";
import type { WinnerDecision } from "@/lib/campaigns/pick-winner";
import type { OrgContext, ScopedTx } from "@/lib/org-context";

export type Campaign = Omit<CampaignRow, "audience" | "schedule" | "variants" | "abTest" | "decision"> & {
  audience: Audience;
  schedule: Schedule;
  variants: Variant[];
  abTest: AbTest | null;
  decision: WinnerDecision | null;
};

const json = (value: unknown) => value as Prisma.InputJsonValue;

/** The row with its JSON read back through the schemas it was written with. */
export const campaignOf = (row: CampaignRow): Campaign => ({
  ...row,
  audience: audienceInput.parse(row.audience),
  schedule: scheduleInput.parse(row.schedule),
  variants: variantsInput.parse(row.variants),
  abTest: row.abTest === null ? null : abTestInput.parse(row.abTest),
  // Written by decide-winner.ts from pickWinner's answer, read back as it was written.
  decision: row.decision as WinnerDecision | null,
});

/** With variants, the campaign's own body and media are variant A's: whatever reads one message reads the first. */
const withVariantA = <T extends { body: string; mediaIds: string[]; variants: Variant[] }>(d: T): T =>
  d.variants.length ? { ...d, body: d.variants[0]!.body, mediaIds: d.variants[0]!.mediaIds } : d;

export async function getCampaign(ctx: OrgContext, raw: z.input<typeof campaignIdInput>, field = "id"): Promise<Campaign> {
  const { id } = campaignIdInput.parse(raw);
  const row = await ctx.db.campaign.findUnique({ where: { id } });
  if (!row) throw notFound("Campaign", field);
  return campaignOf(row);
}

/** Checks what a draft names: senders, media, merge fields, lists and segments (again when it is sent). */
export async function checkDraft(
  ctx: OrgContext,
  draft: Pick<Campaign, "body" | "appendOptOut" | "senderIds" | "mediaIds" | "audience" | "schedule" | "variants" | "abTest">,
) {
  checkAbTest(draft);
  if (draft.variants.length) await checkVariants(ctx, draft.variants);
  else {
    if (!hasContent(draft)) throw new DomainError("BAD_REQUEST", "Write a message or attach media", "body", "invalid_parameter");
    await checkedCampaignTexts(ctx, draft);
  }
  const allMedia = [...new Set([draft.mediaIds, ...draft.variants.map((v) => v.mediaIds)].flat())];
  const senders = await ctx.db.senderNumber.findMany({ where: { id: { in: draft.senderIds } }, select: { id: true, mmsEnabled: true, address: true } });
  // Named by id, not position: the pool is deduplicated and sorted before it is checked.
  const missing = draft.senderIds.find((id) => !senders.some((s) => s.id === id));
  if (missing) throw new DomainError("BAD_REQUEST", `Sender ${missing} not found`, "senderIds", "unknown_sender");
  if (allMedia.length) {
    const media = await ctx.db.mediaAsset.count({ where: { id: { in: allMedia } } });
    if (media !== allMedia.length) throw new DomainError("BAD_REQUEST", "Media not found", "mediaIds", "media_not_found");
    const noMms = senders.find((s) => !s.mmsEnabled);
    if (noMms) throw new DomainError("BAD_REQUEST", `MMS is not supported on this sender (${noMms.address})`, "mediaIds", "mms_not_supported");
  }
  await audienceQuery(ctx, { ...draft, startAt: new Date() });
}

export async function createCampaign(ctx: OrgContext, raw: z.input<typeof createCampaignInput>): Promise<Campaign> {
  const input = createCampaignInput.parse(raw);
  const draft = withVariantA({ ...input, senderIds: [...new Set(input.senderIds)].sort() });
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
        variants: json(draft.variants),
        abTest: draft.abTest === null ? Prisma.DbNull : json(draft.abTest),
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
  const draft = withVariantA({ ...before, ...changes, senderIds });
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
        variants: json(draft.variants),
        abTest: draft.abTest === null ? Prisma.DbNull : json(draft.abTest),
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
