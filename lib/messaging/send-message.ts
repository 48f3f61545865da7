// Sends one message: the batch path with a batch of one, its error raised rather than returned.
import type { Message } from "@/lib/generated/prisma/client";
import type { SendMessageInput } from "@/lib/messaging/message-input";
import { sendMessages, type SendSource } from "@/lib/messaging/send-messages";
import type { OrgContext } from "@/lib/org-context";

export async function sendMessage(ctx: OrgContext, input: SendMessageInput, source: SendSource): Promise<Message> {
  const [result] = await sendMessages(ctx, [input], source);
  if (!result!.ok) throw result!.error;
  return result!.message;
}
