// Saved replies: the org's canned texts (merge fields filled in for the contact when sent, as any
// compose-box text), listed by name; each change audited.
import { recordAudit } from "@/lib/audit/record-audit";
import { DomainError, notFound } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { savedReplyIdInput, savedReplyInput, updateSavedReplyInput } from "@/lib/inbox/inbox-input";
import type { OrgContext } from "@/lib/org-context";
import type { z } from "zod";

const nameTaken = () => new DomainError("CONFLICT", "A saved reply with this name exists", "name");
const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === "P2002";

export function listSavedReplies(ctx: OrgContext) {
  return ctx.db.savedReply.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, body: true } });
}

export async function createSavedReply(ctx: OrgContext, raw: z.input<typeof savedReplyInput>) {
  const input = savedReplyInput.parse(raw);
  return ctx.db
    .$transaction(async (tx) => {
      const reply = await tx.savedReply.create({ data: { id: newId("savedReply"), orgId: ctx.orgId, ...input } });
      await recordAudit(ctx, tx, { action: "saved_reply.created", targetType: "saved_reply", targetId: reply.id, changes: { name: input.name } });
      return reply;
    })
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? nameTaken() : error;
    });
}

export async function updateSavedReply(ctx: OrgContext, raw: z.input<typeof updateSavedReplyInput>) {
  const { id, ...input } = updateSavedReplyInput.parse(raw);
  return ctx.db
    .$transaction(async (tx) => {
      const before = await tx.savedReply.findUnique({ where: { id } });
      if (!before) throw notFound("Saved reply", "id");
      const reply = await tx.savedReply.update({ where: { id }, data: input });
      await recordAudit(ctx, tx, { action: "saved_reply.updated", targetType: "saved_reply", targetId: id, changes: { name: { from: before.name, to: input.name } } });
      return reply;
    })
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? nameTaken() : error;
    });
}

export async function deleteSavedReply(ctx: OrgContext, raw: z.input<typeof savedReplyIdInput>) {
  const { id } = savedReplyIdInput.parse(raw);
  await ctx.db.$transaction(async (tx) => {
    const { count } = await tx.savedReply.deleteMany({ where: { id } });
    if (count === 0) throw notFound("Saved reply", "id");
    await recordAudit(ctx, tx, { action: "saved_reply.deleted", targetType: "saved_reply", targetId: id });
  });
}
