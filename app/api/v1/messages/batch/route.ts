// POST /api/v1/messages/batch: up to 1,000 messages, one result per item.
import { apiRoute } from "@/lib/api/api-route";
import { sendBatch } from "@/lib/api/messages/send-batch";
import { jsonBody } from "@/lib/api/parse-input";
import { BODY_LIMITS, jsonBodyReader } from "@/lib/api/request-body";

export const POST = apiRoute(
  "messages:send",
  async ({ ctx, request, body }) => ({ status: 200, body: await sendBatch(ctx, jsonBody(body), { idempotencyKey: request.headers.get("idempotency-key") }) }),
  jsonBodyReader(BODY_LIMITS.batch),
);
