// An accepted API event on the wire (POST /api/v1/events), and its shape for the OpenAPI document
// (tests/unit/openapi.test.ts checks the example against it).
import { z } from "zod";
import { time } from "@/lib/api/openapi/resources";
import type { FiredApiEvent } from "@/lib/workflows/fire-api-event";

export const eventObject = z
  .strictObject({
    object: z.literal("event"),
    name: z.string(),
    contact_id: z.string().describe("ct_...: the contact it is about"),
    contact_created: z.boolean().describe("Whether the phone number given was not a contact and became one"),
    received_at: time,
  })
  .meta({ id: "Event" });

export function serializeEvent(event: FiredApiEvent): z.infer<typeof eventObject> {
  return { object: "event", name: event.name, contact_id: event.contactId, contact_created: event.contactCreated, received_at: event.receivedAt.toISOString() };
}
