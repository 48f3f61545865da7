// POST /api/v1/events: an event about a contact (by id or phone), announced to the workflows whose
// API event trigger waits for its name. 202: accepted; the runs it starts begin after the answer.
import { apiRoute } from "@/lib/api/api-route";
import { serializeEvent } from "@/lib/api/events/serialize-event";
import { parseJsonBody } from "@/lib/api/parse-input";
import { apiEventInput } from "@/lib/workflows/api-event-input";
import { fireApiEvent } from "@/lib/workflows/fire-api-event";

export const POST = apiRoute("events:write", async ({ ctx, body }) => ({
  status: 202,
  body: serializeEvent(await fireApiEvent(ctx, parseJsonBody(apiEventInput, body))),
}));
