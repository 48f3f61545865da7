// Saves the org's replies to the CTIA keywords; receive-message reads them for every STOP/START/HELP.
import { recordAudit } from "@/lib/audit/record-audit";
import type { Prisma } from "@/lib/generated/prisma/client";
import { updateKeywordRepliesInput, type UpdateKeywordRepliesInput } from "@/lib/messaging/keyword-replies-input";
import type { OrgContext } from "@/lib/org-context";

const FIELDS = ["helpReply", "optOutReply", "optInReply"] as const;

export async function updateKeywordReplies(ctx: OrgContext, raw: UpdateKeywordRepliesInput) {
  const input = updateKeywordRepliesInput.parse(raw);
  return ctx.db.$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { helpReply: true, optOutReply: true, optInReply: true } });
    const after = await tx.organization.update({
      where: { id: ctx.orgId },
      data: input,
      select: { helpReply: true, optOutReply: true, optInReply: true },
    });
    const changes = Object.fromEntries(
      FIELDS.filter((k) => before[k] !== after[k]).map((k) => [k, { from: before[k], to: after[k] }]),
    ) as Prisma.InputJsonObject;
    if (Object.keys(changes).length > 0) {
      await recordAudit(ctx, tx, { action: "organization.keyword_replies_updated", targetType: "organization", targetId: ctx.orgId, changes });
    }
    return after;
  });
}
