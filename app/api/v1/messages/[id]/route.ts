// GET /api/v1/messages/{id}: one message with its status history.
import { apiRoute } from "@/lib/api/api-route";
import { serializeMessageWithHistory } from "@/lib/messaging/serialize-message";
import { getMessage } from "@/lib/messaging/get-message";

export const GET = apiRoute<{ id: string }>("messages:read", async ({ ctx, params }) => ({
  status: 200,
  body: serializeMessageWithHistory(await getMessage(ctx, params.id)),
}));
