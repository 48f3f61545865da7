// The org's own wording of the replies to STOP, START and HELP: pure zod for the settings form and
// the procedure. Blank means "use the built-in reply" (lib/messaging/keyword-replies.ts).
import { z } from "zod";
import { MAX_BODY_LENGTH } from "@/lib/sms/segments";

const reply = z
  .string()
  .trim()
  .max(MAX_BODY_LENGTH, `Replies are limited to ${MAX_BODY_LENGTH} characters`)
  .transform((s) => (s === "" ? null : s))
  .nullable();

export const updateKeywordRepliesInput = z.strictObject({
  helpReply: reply.optional(),
  optOutReply: reply.optional(),
  optInReply: reply.optional(),
});
export type UpdateKeywordRepliesInput = z.input<typeof updateKeywordRepliesInput>;
