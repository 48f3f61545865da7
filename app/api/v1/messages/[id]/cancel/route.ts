// POST /api/v1/messages/{id}/cancel: cancels a scheduled message (only scheduled ones).
import { apiRoute } from "@/lib/api/api-route";
import { serializeMessage } from "@/lib/messaging/serialize-message";
import { cancelMessage } from "@/lib/messaging/cancel-message";

export const POST = apiRoute<{ id: string }>("messages:send", async ({ ctx, params }) => ({
  status: 200,
  body: serializeMessage(await cancelMessage(ctx, { id: params.id }, "api")),
}));
