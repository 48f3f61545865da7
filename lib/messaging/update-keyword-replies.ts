// Saves the org's replies to the CTIA keywords; receive-message reads them for every STOP/START/HELP.
// They may use merge fields ({{first_name|there}}), rendered for the contact who texted; an unknown
// one is refused here, naming it.
import { recordAudit } from "@/lib/audit/record-audit";
import { DomainError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { customFieldKeys } from "@/lib/messaging/merge-fields";
import { updateKeywordRepliesInput, type UpdateKeywordRepliesInput } from "@/lib/messaging/keyword-replies-input";
import type { OrgContext } from "@/lib/org-context";
import { validateTemplate } from "@/lib/sms/templates";

const FIELDS = ["helpReply", "optOutReply", "optInReply"] as const;

export async function updateKeywordReplies(ctx: OrgContext, raw: UpdateKeywordRepliesInput) {
  const input = updateKeywordRepliesInput.parse(raw);
  const keys = await customFieldKeys(ctx);
  for (const field of FIELDS) {
    const check = input[field] ? validateTemplate(input[field], keys) : null;
    if (check && !check.ok) throw new DomainError("BAD_REQUEST", check.message, field, "unknown_merge_field");
  }
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
