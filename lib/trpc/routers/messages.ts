import { z } from "zod";
import { messageLinks } from "@/lib/links/message-links";
import { cancelMessage } from "@/lib/messaging/cancel-message";
import { getMessage } from "@/lib/messaging/get-message";
import { listMessages } from "@/lib/messaging/list-messages";
import { listSenderOptions } from "@/lib/messaging/list-sender-options";
import { sendMessageInput } from "@/lib/messaging/message-input";
import { listMessagesInput, messageIdInput } from "@/lib/messaging/message-list-input";
import { previewSend, previewSendInput } from "@/lib/messaging/preview-send";
import { sendFromUi } from "@/lib/messaging/send-from-ui";
import { createTRPCRouter, orgProcedure } from "@/lib/trpc/init";

export const messagesRouter = createTRPCRouter({
  list: orgProcedure.input(listMessagesInput).query(({ ctx, input }) => listMessages(ctx.org, input)),
  get: orgProcedure.input(messageIdInput).query(({ ctx, input }) => getMessage(ctx.org, input.id)),
  links: orgProcedure.input(messageIdInput).query(({ ctx, input }) => messageLinks(ctx.org, input.id)),
  senders: orgProcedure.input(z.void()).query(({ ctx }) => listSenderOptions(ctx.org)),
  preview: orgProcedure.input(previewSendInput).query(({ ctx, input }) => previewSend(ctx.org, input)),
  send: orgProcedure.input(sendMessageInput).mutation(({ ctx, input }) => sendFromUi(ctx.org, input)),
  cancel: orgProcedure.input(messageIdInput).mutation(({ ctx, input }) => cancelMessage(ctx.org, input, "ui")),
});
