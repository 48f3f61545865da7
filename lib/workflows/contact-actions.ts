// The nodes that change the contact or its conversation (tag, list, update_field, subscription,
// conversation), each in the node's transaction, which holds the run's row lock: the node's effect
// and its step row land together or not at all, so a retried step never applies twice what it
// recorded once. A change that cannot be made (a deleted list, a reply that is no date) is
// recorded on the step as skipped with the reason, and the run goes on.
import { recordAudit } from "@/lib/audit/record-audit";
import { updateContactInput } from "@/lib/contacts/contact-input";
import { writeContactChanges } from "@/lib/contacts/update-contact";
import { contactOmit } from "@/lib/contacts/contact-select";
import { conversationUpdated } from "@/lib/conversations/conversation-events";
import { ensureConversation, setConversationStatus } from "@/lib/conversations/open-conversation";
import { DomainError } from "@/lib/errors";
import { announceTriggers } from "@/lib/events/announce-triggers";
import { applyConsentChange } from "@/lib/messaging/apply-consent-change";
import type { OrgContext, ScopedTx } from "@/lib/org-context";
import { enqueueWebhookEvents } from "@/lib/webhooks/enqueue-webhook-events";
import type { NodeOf } from "@/lib/workflows/graph-model";

export type ActionNode = NodeOf<"tag"> | NodeOf<"list"> | NodeOf<"update_field"> | NodeOf<"subscription"> | NodeOf<"conversation">;
export type ActionDetail = Record<string, unknown>;

const skipped = (why: string): ActionDetail => ({ skipped: why });

export async function applyContactAction(ctx: OrgContext, tx: ScopedTx, node: ActionNode, contactId: string, renderValue: (template: string) => string): Promise<ActionDetail> {
  switch (node.type) {
    case "tag":
      return tagContact(ctx, tx, contactId, node.data.op, node.data.tag);
    case "list":
      return listContact(ctx, tx, contactId, node.data.op, node.data.listId);
    case "update_field":
      return updateField(ctx, tx, contactId, node.data.field, renderValue(node.data.value));
    case "subscription":
      return changeSubscription(ctx, tx, contactId, node.data.op);
    case "conversation":
      return moveConversation(ctx, tx, contactId, node.data.op, node.data.assigneeId);
  }
}

async function tagContact(ctx: OrgContext, tx: ScopedTx, contactId: string, op: "add" | "remove", tag: string): Promise<ActionDetail> {
  const changed =
    op === "add"
      ? await tx.$executeRaw`UPDATE "Contact" SET tags = tags || ARRAY[${tag}]::text[], "updatedAt" = now() AT TIME ZONE 'UTC'
          WHERE id = ${contactId} AND "orgId" = ${ctx.orgId} AND NOT (${tag} = ANY(tags))`
      : await tx.$executeRaw`UPDATE "Contact" SET tags = array_remove(tags, ${tag}), "updatedAt" = now() AT TIME ZONE 'UTC'
          WHERE id = ${contactId} AND "orgId" = ${ctx.orgId} AND ${tag} = ANY(tags)`;
  // Other workflows waiting for the tag hear of it once the step commits, as they would of a person's.
  if (changed && op === "add") await announceTriggers(tx, [{ orgId: ctx.orgId, kind: "tag_added", key: tag, contactIds: [contactId], data: { tag, source: "workflow" } }]);
  return changed ? { tag } : { tag, unchanged: true };
}

async function listContact(ctx: OrgContext, tx: ScopedTx, contactId: string, op: "add" | "remove", listId: string): Promise<ActionDetail> {
  const list = await tx.contactList.findUnique({ where: { id: listId }, select: { id: true, name: true } });
  if (!list) return skipped("the list no longer exists");
  if (op === "add") {
    const added = await tx.listMembership.createMany({ data: [{ listId, contactId, orgId: ctx.orgId }], skipDuplicates: true });
    if (added.count) {
      await recordAudit(ctx, tx, { action: "list.members_added", targetType: "list", targetId: listId, changes: { contactIds: [contactId], by: "workflow" } });
      await announceTriggers(tx, [{ orgId: ctx.orgId, kind: "list_added", key: listId, contactIds: [contactId], data: { listId, source: "workflow" } }]);
    }
    return { list: list.name, unchanged: added.count === 0 || undefined };
  }
  const removed = await tx.listMembership.deleteMany({ where: { listId, contactId } });
  if (removed.count) await recordAudit(ctx, tx, { action: "list.members_removed", targetType: "list", targetId: listId, changes: { contactIds: [contactId], by: "workflow" } });
  return { list: list.name, unchanged: removed.count === 0 || undefined };
}

const STANDARD_FIELDS = new Set(["firstName", "lastName", "email", "timeZone"]);

async function updateField(ctx: OrgContext, tx: ScopedTx, contactId: string, field: string, value: string): Promise<ActionDetail> {
  const before = await tx.contact.findUnique({ where: { id: contactId }, omit: contactOmit });
  if (!before) return skipped("the contact no longer exists");
  let input: Record<string, unknown>;
  if (STANDARD_FIELDS.has(field)) input = { [field]: value.trim() === "" ? null : value.trim() };
  else if (field.startsWith("custom.")) input = { customFields: { [field.slice("custom.".length)]: value.trim() === "" ? null : value.trim() } };
  else return skipped(`${field} is not a contact field`);
  const parsed = updateContactInput.omit({ id: true }).safeParse(input);
  if (!parsed.success) return skipped(`${field}: ${parsed.error.issues[0]?.message ?? "not a valid value"}`);
  const changes = parsed.data;
  try {
    const { changes: audited } = await writeContactChanges(ctx, tx, before, changes);
    if (audited) await recordAudit(ctx, tx, { action: "contact.updated", targetType: "contact", targetId: contactId, changes: audited });
    return { field, value };
  } catch (error) {
    if (error instanceof DomainError) return skipped(`${field}: ${error.message}`);
    throw error;
  }
}

async function changeSubscription(ctx: OrgContext, tx: ScopedTx, contactId: string, op: "opt_in" | "opt_out"): Promise<ActionDetail> {
  // The row lock a STOP takes (change-consent.ts says why FOR NO KEY UPDATE).
  const [row] = await tx.$queryRaw<{ id: string; phone: string; consentStatus: string }[]>`
    SELECT id, phone, "consentStatus"::text AS "consentStatus" FROM "Contact" WHERE id = ${contactId} AND "orgId" = ${ctx.orgId} FOR NO KEY UPDATE`;
  if (!row) return skipped("the contact no longer exists");
  const kind = op === "opt_out" ? "OPT_OUT" : "OPT_IN";
  if (row.consentStatus === (kind === "OPT_OUT" ? "OPTED_OUT" : "OPTED_IN")) return { unchanged: true };
  const [{ at }] = await tx.$queryRaw<[{ at: Date }]>`SELECT clock_timestamp() AT TIME ZONE 'UTC' AS at, ${ctx.orgId}::text AS org`;
  const event = await applyConsentChange(ctx, tx, { kind, contactId, phone: row.phone, at, source: "workflow" });
  await enqueueWebhookEvents(tx, [event]);
  return { consent: kind === "OPT_OUT" ? "opted out" : "opted in" };
}

async function moveConversation(ctx: OrgContext, tx: ScopedTx, contactId: string, op: "open" | "close", assigneeId: string | null): Promise<ActionDetail> {
  const conversation = await ensureConversation(tx, ctx.orgId, contactId);
  const before = await setConversationStatus(tx, ctx.orgId, conversation.id, op === "open" ? "OPEN" : "CLOSED");
  const detail: ActionDetail = { conversationId: conversation.id, status: op === "open" ? "open" : "closed" };
  if (op === "open" && assigneeId) {
    const member = await tx.membership.findFirst({ where: { userId: assigneeId }, select: { userId: true } });
    if (member) {
      await tx.conversation.update({ where: { id: conversation.id }, data: { assigneeId } });
      detail.assigneeId = assigneeId;
    } else detail.skipped = "the teammate is no longer a member";
  }
  if (before !== (op === "open" ? "OPEN" : "CLOSED") || detail.assigneeId) {
    await recordAudit(ctx, tx, {
      action: op === "open" ? (detail.assigneeId ? "conversation.assigned" : "conversation.reopened") : "conversation.closed",
      targetType: "conversation",
      targetId: conversation.id,
      changes: { by: "workflow", status: { from: before, to: op === "open" ? "OPEN" : "CLOSED" }, ...(detail.assigneeId ? { assigneeId: assigneeId } : {}) },
    });
  }
  await conversationUpdated(tx, ctx.orgId, [{ id: conversation.id, contactId }]);
  return detail;
}
