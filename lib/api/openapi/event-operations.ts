// The Events operation of REST v1 (see operations.ts, which lists it with the rest).
import { eventObject } from "@/lib/api/events/serialize-event";
import type { ApiOperation } from "@/lib/api/openapi/operations";
import { apiEventInput, MAX_EVENT_DATA_BYTES } from "@/lib/workflows/api-event-input";

export const EVENT_OPERATIONS: ApiOperation[] = [
  {
    id: "sendEvent",
    method: "post",
    path: "/api/v1/events",
    tag: "Events",
    summary: "Send an event that starts workflows",
    description:
      `Tells Textstack something happened to a contact (an order placed, a booking made): every active workflow whose trigger is "API event" with this \`name\` enrols the contact, and its texts can use \`data\` as \`{{trigger.<key>}}\` (up to ${MAX_EVENT_DATA_BYTES} bytes of JSON). Name the contact by \`id\` or by \`phone\`; a number that is not a contact yet becomes one (opted in, source \`api\`), which also counts as a contact created. Answers 202 at once: runs start after the answer, and an event no workflow waits for is accepted too. An unknown \`contact.id\` is 404 \`not_found\`. With an Idempotency-Key, a retried request is not sent twice.`,
    scope: "events:write",
    body: apiEventInput,
    response: { status: 202, schema: eventObject, description: "The event, accepted" },
    example: { name: "order.placed", contact: { phone: "+14155550123" }, data: { order_id: "1042", total: "38.50" } },
  },
];
