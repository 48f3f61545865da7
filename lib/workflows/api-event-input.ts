// An API event (POST /api/v1/events): a name that api_event triggers wait for, the contact it is
// about (by id, or by phone number), and data the run's texts may use as {{trigger.<key>}}. Pure
// zod, shared by the route, the OpenAPI document and fireApiEvent. The names are one word each,
// so the API's snake_case and the domain's camelCase are the same here.
import { z } from "zod";
import { apiEventName } from "@/lib/workflows/graph-model";

/** The data's size as JSON at most: it travels in the event and is kept on each run it starts. */
export const MAX_EVENT_DATA_BYTES = 8_192;

export const apiEventInput = z.strictObject({
  name: apiEventName.describe("The event's name: what a workflow's API event trigger waits for (letters, digits, dots, dashes, underscores; up to 100)"),
  contact: z
    .strictObject({
      id: z.string().min(1).optional().describe("The contact's id (ct_...)"),
      phone: z.string().trim().min(1).max(40).optional().describe("The contact's number (E.164, or national in your default country); a number that is not a contact yet becomes one (source api)"),
    })
    .refine((c) => (c.id === undefined) !== (c.phone === undefined), "Give the contact's id or its phone, one of them")
    .describe("Whom the event is about: `{ \"id\": ... }` or `{ \"phone\": ... }`"),
  data: z
    .record(z.string().max(100), z.unknown())
    .default({})
    .refine((d) => Buffer.byteLength(JSON.stringify(d)) <= MAX_EVENT_DATA_BYTES, `At most ${MAX_EVENT_DATA_BYTES} bytes as JSON`)
    .describe("Anything about the event, for the workflow's texts as {{trigger.<key>}}"),
});
export type ApiEventInput = z.input<typeof apiEventInput>;
