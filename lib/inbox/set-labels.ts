// A conversation's labels (free words, kept as typed, each once), audited.
import { recordAudit } from "@/lib/audit/record-audit";
import { conversationUpdated } from "@/lib/conversations/conversation-events";
import { findConversation } from "@/lib/inbox/find-conversation";
import { setLabelsInput } from "@/lib/inbox/inbox-input";
import type { OrgContext } from "@/lib/org-context";
import type { z } from "zod";

export async function setLabels(ctx: OrgContext, raw: z.input<typeof setLabelsInput>) {
  const input = setLabelsInput.parse(raw);
  const conversation = await findConversation(ctx, input.id);
  // Each once, whatever its case: the first spelling stays.
  const byKey = new Map<string, string>();
  for (const l of input.labels) if (!byKey.has(l.toLowerCase())) byKey.set(l.toLowerCase(), l);
  const labels = [...byKey.values()];
  return ctx.db.$transaction(async (tx) => {
    const updated = await tx.conversation.update({ where: { id: conversation.id }, data: { labels } });
    await recordAudit(ctx, tx, { action: "conversation.labeled", targetType: "conversation", targetId: conversation.id, changes: { labels: { from: conversation.labels, to: labels } } });
    await conversationUpdated(tx, ctx.orgId, [conversation]);
    return updated;
  });
}

/** The labels the org's conversations use, for the label filter and suggestions. */
export async function labelsInUse(ctx: OrgContext): Promise<string[]> {
  const rows = await ctx.db.conversation.findMany({ where: { labels: { isEmpty: false } }, select: { labels: true }, take: 1000, orderBy: { lastMessageAt: "desc" } });
  return [...new Set(rows.flatMap((r) => r.labels))].sort((a, b) => a.localeCompare(b));
}
