// A send_message node: the text, as marketing from the workflow (Message.source "workflow"),
// through the pipeline's sendOne, which refuses it for a contact who opted out (recorded as a
// skip: the run goes on). The workflow's settings apply first: the frequency cap (skip and say
// why), a teammate writing in the conversation (wait and look again), quiet hours (sendOne has no
// quiet columns, so a send outside the window is scheduled for its next opening in the contact's
// zone). The idempotency key is the run's step, so a retried step finds the message it already made.
import { orgSql } from "@/lib/db/sql";
import { DomainError } from "@/lib/errors";
import { frequencyCappedSql } from "@/lib/messaging/frequency-cap";
import { sendOne } from "@/lib/messaging/send-one";
import type { OrgContext } from "@/lib/org-context";
import { sendingRules } from "@/lib/orgs/sending-rules";
import { isInside, nextOpening, windowFor } from "@/lib/sms/quiet-hours";
import { contactZone } from "@/lib/workflows/contact-zone";
import type { NodeOf, WorkflowSettings } from "@/lib/workflows/graph-model";
import { renderRunTokens } from "@/lib/workflows/run-tokens";

/** A teammate's text in the conversation this recently holds a workflow's send (the "pause while a teammate replies"). */
export const TEAMMATE_QUIET_MS = 10 * 60_000;

export type SendOutcome = { kind: "sent"; detail: Record<string, unknown> } | { kind: "teammate" };

export interface SendRun {
  runId: string;
  contactId: string;
  stepCount: number;
  settings: WorkflowSettings;
  trigger: Record<string, unknown>;
  reply: string | null;
}

export async function sendStep(ctx: OrgContext, run: SendRun, node: NodeOf<"send_message">, now = new Date()): Promise<SendOutcome> {
  const contact = await ctx.db.contact.findUnique({
    where: { id: run.contactId },
    select: { id: true, phone: true, timeZone: true, conversation: { select: { senderId: true } } },
  });
  if (!contact) return { kind: "sent", detail: { skipped: "the contact no longer exists" } };
  const rules = await sendingRules(ctx);
  const sql = orgSql(ctx);
  if (run.settings.frequencyCap) {
    const capped = frequencyCappedSql({ orgId: ctx.orgId, orgCap: rules.marketingCapPer24h, now });
    const [row] = await sql.$queryRaw<{ capped: boolean }[]>`SELECT ${capped} AS capped FROM "Contact" c WHERE c.id = ${contact.id} AND c."orgId" = ${ctx.orgId}`;
    if (row?.capped) return { kind: "sent", detail: { skipped: "frequency cap: the contact has had their fill of marketing texts today" } };
  }
  if (run.settings.pauseWhileTeammateReplies) {
    const [row] = await sql.$queryRaw<{ recent: boolean }[]>`
      SELECT EXISTS (SELECT 1 FROM "Message" WHERE "orgId" = ${ctx.orgId} AND "contactId" = ${contact.id} AND direction = 'OUTBOUND'
        AND source = 'ui' AND "createdAt" > ${new Date(now.getTime() - TEAMMATE_QUIET_MS)}::timestamp) AS recent`;
    if (row?.recent) return { kind: "teammate" };
  }
  let sendAt: Date | undefined;
  if (run.settings.quietHours) {
    const { zone, region } = contactZone(contact);
    const window = windowFor(rules.window, region);
    if (!isInside(zone, window, now)) sendAt = nextOpening(zone, window, now);
  }
  const body = renderRunTokens(node.data.body, { trigger: run.trigger, reply: run.reply });
  const from = node.data.senderId ?? contact.conversation?.senderId ?? undefined;
  try {
    const message = await sendOne(
      ctx,
      { to: contact.phone, from, body, mediaIds: node.data.mediaIds, marketing: true, idempotencyKey: `${run.runId}:${run.stepCount}`, sendAt },
      "workflow",
    );
    return { kind: "sent", detail: { messageId: message.id, ...(sendAt ? { heldUntil: sendAt.toISOString() } : {}) } };
  } catch (error) {
    if (error instanceof DomainError) return { kind: "sent", detail: { skipped: error.message } };
    throw error;
  }
}
