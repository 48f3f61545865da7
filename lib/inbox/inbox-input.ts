// The inbox's inputs, one zod schema each, shared by the procedures and the pages' forms.
import { z } from "zod";
import { sendMessageInput } from "@/lib/messaging/message-input";

const conversationId = z.string().regex(/^cnv_[0-9a-z]{24}$/, "is not a conversation id");
const label = z.string().trim().min(1, "Write a label").max(40, "Labels are limited to 40 characters");

export const INBOX_VIEWS = ["mine", "unassigned", "all", "unread", "snoozed", "closed"] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];

export const listConversationsInput = z.strictObject({
  view: z.enum(INBOX_VIEWS).default("all"),
  label: label.optional(),
  senderId: z.string().min(1).optional(),
  campaignId: z.string().min(1).optional(),
  /** A name, a number or words of a text. */
  search: z.string().trim().max(100).optional(),
  /** The last row of the previous page: its activity time and id. */
  cursor: z.strictObject({ at: z.coerce.date(), id: conversationId }).optional(),
  limit: z.number().int().min(1).max(100).default(50),
  // tRPC's infinite queries add this to the input; the list only pages towards older activity.
  direction: z.enum(["forward", "backward"]).optional(),
});
export type ListConversationsInput = z.input<typeof listConversationsInput>;

export const conversationIdInput = z.strictObject({ id: conversationId });

export const assignInput = z.strictObject({ id: conversationId, userId: z.string().min(1).nullable() });

export const changeStatusInput = z.discriminatedUnion("status", [
  z.strictObject({ id: conversationId, status: z.literal("OPEN") }),
  z.strictObject({ id: conversationId, status: z.literal("CLOSED") }),
  z.strictObject({
    id: conversationId,
    status: z.literal("SNOOZED"),
    /** Until this time (and the contact's next text), or null: until the next text only. */
    until: z.coerce.date().nullable(),
  }),
]);
export type ChangeStatusInput = z.input<typeof changeStatusInput>;

export const setLabelsInput = z.strictObject({ id: conversationId, labels: z.array(label).max(20, "At most 20 labels") });

export const addNoteInput = z.strictObject({
  id: conversationId,
  body: z.string().trim().min(1, "Write a note").max(4000, "Notes are limited to 4,000 characters"),
});

/**
 * Seconds a reply waits, undoable, before it goes (0: at once). It is a scheduled send, and the
 * pipeline sends at once what is due within 5 s (prepare-send.ts), so a wait is more than that.
 */
export const UNDO_SECONDS = 8;

export const replyInput = z.strictObject({
  id: conversationId,
  body: sendMessageInput.shape.body,
  mediaIds: sendMessageInput.shape.mediaIds,
  smartEncoding: sendMessageInput.shape.smartEncoding,
  shortenLinks: sendMessageInput.shape.shortenLinks,
  /** A sender id; the number the contact last texted when omitted. */
  from: z.string().min(1).optional(),
  marketing: z.boolean().default(true),
  undoSeconds: z
    .number()
    .int()
    .max(30, "A reply waits at most 30 seconds")
    .refine((s) => s === 0 || s >= 6, "A reply waits 0 seconds or at least 6")
    .default(UNDO_SECONDS),
});
export type ReplyInput = z.input<typeof replyInput>;

export const undoReplyInput = z.strictObject({ id: conversationId, messageId: z.string().regex(/^msg_[0-9a-z]{24}$/, "is not a message id") });

export const startConversationInput = z.strictObject({ contactId: z.string().regex(/^ct_[0-9a-z]{24}$/, "is not a contact id") });

export const savedReplyInput = z.strictObject({
  name: z.string().trim().min(1, "Name the reply").max(60, "Names are limited to 60 characters"),
  body: z.string().trim().min(1, "Write the reply").max(1600, "Replies are limited to 1,600 characters"),
});
export const updateSavedReplyInput = savedReplyInput.extend({ id: z.string().regex(/^srp_[0-9a-z]{24}$/, "is not a saved reply id") });
export const savedReplyIdInput = z.strictObject({ id: z.string().regex(/^srp_[0-9a-z]{24}$/, "is not a saved reply id") });

export const autoAssignInput = z.strictObject({
  teammates: z.array(z.strictObject({ userId: z.string().min(1), cap: z.number().int().min(1, "A cap is at least 1").max(1000) })).max(200),
});
