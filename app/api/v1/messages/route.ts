// POST /api/v1/messages: send one message. GET /api/v1/messages: the message log, newest first.
import { apiRoute } from "@/lib/api/api-route";
import { listMessagesParams, messageDedupeKey, sendMessageParams, toListMessagesInput, toSendMessageInput } from "@/lib/api/messages/message-params";
import { serializeMessage } from "@/lib/messaging/serialize-message";
import { page } from "@/lib/api/pagination";
import { parseJsonBody, parseQuery } from "@/lib/api/parse-input";
import { listMessages } from "@/lib/messaging/list-messages";
import { sendOne } from "@/lib/messaging/send-one";

export const POST = apiRoute("messages:send", async ({ ctx, request, body }) => {
  const params = parseJsonBody(sendMessageParams, body);
  const message = await sendOne(ctx, await toSendMessageInput(ctx, params, messageDedupeKey(request.headers.get("idempotency-key"), body)), "api");
  return { status: 201, body: serializeMessage(message) };
});

export const GET = apiRoute("messages:read", async ({ ctx, url }) => {
  const { items, nextCursor } = await listMessages(ctx, toListMessagesInput(parseQuery(listMessagesParams, url)));
  return { status: 200, body: page(items, nextCursor, serializeMessage) };
});
