// An internal note in a thread: for teammates only, never sent; audited.
import { recordAudit } from "@/lib/audit/record-audit";
import { conversationNoted } from "@/lib/conversations/conversation-events";
import { findConversation } from "@/lib/inbox/find-conversation";
import { addNoteInput } from "@/lib/inbox/inbox-input";
import { newId } from "@/lib/ids";
import type { OrgContext } from "@/lib/org-context";
import type { z } from "zod";

export async function addNote(ctx: OrgContext, raw: z.input<typeof addNoteInput>) {
  const input = addNoteInput.parse(raw);
  const conversation = await findConversation(ctx, input.id);
  return ctx.db.$transaction(async (tx) => {
    const note = await tx.conversationNote.create({
      data: { id: newId("conversationNote"), orgId: ctx.orgId, conversationId: conversation.id, authorId: ctx.actor.type === "USER" ? ctx.actor.id : null, body: input.body },
    });
    await recordAudit(ctx, tx, { action: "conversation.note_added", targetType: "conversation", targetId: conversation.id, changes: { noteId: note.id } });
    await conversationNoted(tx, ctx.orgId, conversation, note.id);
    return note;
  });
}
