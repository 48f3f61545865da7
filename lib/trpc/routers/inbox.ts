import { z } from "zod";
import { addNote } from "@/lib/inbox/add-note";
import { assignConversation } from "@/lib/inbox/assign-conversation";
import { listTeammates, setAutoAssign } from "@/lib/inbox/auto-assign-settings";
import { changeConversationStatus } from "@/lib/inbox/change-status";
import { getThread } from "@/lib/inbox/get-thread";
import { inboxCounts } from "@/lib/inbox/inbox-counts";
import {
  addNoteInput,
  assignInput,
  autoAssignInput,
  changeStatusInput,
  conversationIdInput,
  listConversationsInput,
  replyInput,
  savedReplyIdInput,
  savedReplyInput,
  setLabelsInput,
  startConversationInput,
  undoReplyInput,
  updateSavedReplyInput,
} from "@/lib/inbox/inbox-input";
import { listConversations } from "@/lib/inbox/list-conversations";
import { markRead } from "@/lib/inbox/mark-read";
import { reply, undoReply } from "@/lib/inbox/reply";
import { createSavedReply, deleteSavedReply, listSavedReplies, updateSavedReply } from "@/lib/inbox/saved-replies";
import { labelsInUse, setLabels } from "@/lib/inbox/set-labels";
import { startConversation } from "@/lib/inbox/start-conversation";
import { adminProcedure, createTRPCRouter, orgProcedure } from "@/lib/trpc/init";

export const inboxRouter = createTRPCRouter({
  list: orgProcedure.input(listConversationsInput).query(({ ctx, input }) => listConversations(ctx.org, input)),
  counts: orgProcedure.input(z.void()).query(({ ctx }) => inboxCounts(ctx.org)),
  thread: orgProcedure.input(conversationIdInput).query(({ ctx, input }) => getThread(ctx.org, input.id)),
  labels: orgProcedure.input(z.void()).query(({ ctx }) => labelsInUse(ctx.org)),
  teammates: orgProcedure.input(z.void()).query(({ ctx }) => listTeammates(ctx.org)),
  markRead: orgProcedure.input(conversationIdInput).mutation(({ ctx, input }) => markRead(ctx.org, input.id)),
  assign: orgProcedure.input(assignInput).mutation(({ ctx, input }) => assignConversation(ctx.org, input)),
  setStatus: orgProcedure.input(changeStatusInput).mutation(({ ctx, input }) => changeConversationStatus(ctx.org, input)),
  setLabels: orgProcedure.input(setLabelsInput).mutation(({ ctx, input }) => setLabels(ctx.org, input)),
  addNote: orgProcedure.input(addNoteInput).mutation(({ ctx, input }) => addNote(ctx.org, input)),
  reply: orgProcedure.input(replyInput).mutation(({ ctx, input }) => reply(ctx.org, input)),
  undoReply: orgProcedure.input(undoReplyInput).mutation(({ ctx, input }) => undoReply(ctx.org, input)),
  start: orgProcedure.input(startConversationInput).mutation(({ ctx, input }) => startConversation(ctx.org, input)),
  savedReplies: orgProcedure.input(z.void()).query(({ ctx }) => listSavedReplies(ctx.org)),
  createSavedReply: orgProcedure.input(savedReplyInput).mutation(({ ctx, input }) => createSavedReply(ctx.org, input)),
  updateSavedReply: orgProcedure.input(updateSavedReplyInput).mutation(({ ctx, input }) => updateSavedReply(ctx.org, input)),
  deleteSavedReply: orgProcedure.input(savedReplyIdInput).mutation(({ ctx, input }) => deleteSavedReply(ctx.org, input)),
  setAutoAssign: adminProcedure.input(autoAssignInput).mutation(({ ctx, input }) => setAutoAssign(ctx.org, input)),
});
