// POST /api/v1/messages/batch: up to 1,000 messages in one call. Each item is checked on its own
// and answered in its own slot (the message, or the error naming its parameter), in request order;
// the valid ones go through the pipeline's batch send together.
import { ApiError, apiErrorBody } from "@/lib/api/api-error";
import type { ApiContext } from "@/lib/api/authenticate";
import { messageDedupeKey, sendBatchParams, sendMessageParams, toSendMessageInput } from "@/lib/api/messages/message-params";
import { serializeMessage } from "@/lib/messaging/serialize-message";
import { parseWith } from "@/lib/api/parse-input";
import { toApiError } from "@/lib/api/to-api-error";
import type { SendMessageInput } from "@/lib/messaging/message-input";
import { sendMessages } from "@/lib/messaging/send-messages";

type ItemResult = { index: number; message: ReturnType<typeof serializeMessage> } | { index: number; error: ReturnType<typeof apiErrorBody>["error"] };

async function checkItem(ctx: ApiContext, raw: unknown, dedupe: string | undefined): Promise<SendMessageInput | ApiError> {
  try {
    return await toSendMessageInput(ctx, parseWith(sendMessageParams, raw), dedupe);
  } catch (error) {
    const apiError = toApiError(error);
    if (!apiError) throw error;
    return apiError;
  }
}

export async function sendBatch(ctx: ApiContext, body: unknown, dedupe: { idempotencyKey: string | null }) {
  const { messages } = parseWith(sendBatchParams, body);
  // One at a time: an item with media_urls fetches them, and a thousand fetches at once would be a flood.
  const checked: (SendMessageInput | ApiError)[] = [];
  for (const [index, raw] of messages.entries()) checked.push(await checkItem(ctx, raw, messageDedupeKey(dedupe.idempotencyKey, body, index)));
  const valid = checked.flatMap((item, index) => (item instanceof ApiError ? [] : [{ index, input: item }]));
  const sent = await sendMessages(ctx, valid.map((v) => v.input), "api");

  const results: ItemResult[] = checked.map((item, index) => ({ index, error: apiErrorBody(item as ApiError).error }));
  valid.forEach(({ index }, i) => {
    const result = sent[i]!;
    results[index] = result.ok ? { index, message: serializeMessage(result.message) } : { index, error: apiErrorBody(toApiError(result.error)!).error };
  });
  const accepted = results.filter((r) => "message" in r).length;
  return { object: "batch" as const, accepted, failed: results.length - accepted, data: results };
}
