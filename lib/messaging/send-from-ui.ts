// A message a member sends from the compose box: the pipeline's one send, then an audit row naming
// the member. After the fact, not in the send's transaction: that one is shared with the API, the
// campaigns and the workflows, whose senders are no members; the message's own history says the rest.
import { recordAudit } from "@/lib/audit/record-audit";
import type { SendMessageInput } from "@/lib/messaging/message-input";
import { sendOne } from "@/lib/messaging/send-one";
import { requireTransactionalRole } from "@/lib/messaging/transactional";
import type { OrgContext } from "@/lib/org-context";

export async function sendFromUi(ctx: OrgContext, input: SendMessageInput) {
  if (input.marketing === false) requireTransactionalRole(ctx.role);
  const message = await sendOne(ctx, input, "ui");
  await recordAudit(ctx, ctx.db, {
    action: message.status === "SCHEDULED" ? "message.scheduled" : "message.sent",
    targetType: "message",
    targetId: message.id,
    changes: {
      from: message.from,
      to: message.to,
      ...(!message.marketing && { transactional: true }),
      ...(message.sendAt && { sendAt: message.sendAt.toISOString() }),
    },
  });
  return message;
}
