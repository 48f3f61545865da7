// What creating and editing a webhook endpoint accepts: pure zod, shared by the form and the procedures.
// The URL's address is checked by the SSRF guard (lib/net/outbound-url.ts) when it is saved.
import { z } from "zod";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/event-types";

const url = z.string().trim().min(1, "Enter the URL").max(2_000, "Use at most 2,000 characters");
const description = z.string().trim().max(200, "Use at most 200 characters");
const eventTypes = z.array(z.enum(WEBHOOK_EVENT_TYPES, "Unknown event type")).min(1, "Choose at least one event");

export const endpointIdInput = z.object({ id: z.string().min(1) });

export const createEndpointInput = z.object({
  url,
  description: description.optional(),
  eventTypes,
});
export type CreateEndpointInput = z.input<typeof createEndpointInput>;

export const updateEndpointInput = z.object({
  id: z.string().min(1),
  url: url.optional(),
  description: description.optional(),
  eventTypes: eventTypes.optional(),
  enabled: z.boolean().optional(),
});
export type UpdateEndpointInput = z.input<typeof updateEndpointInput>;

export const listDeliveriesInput = z.object({
  endpointId: z.string().min(1),
  status: z.enum(["PENDING", "SUCCEEDED", "FAILED"]).optional(),
  cursor: z.string().optional(),
  limit: z.number().int().min(1).max(100).default(25),
});

export const deliveryIdInput = z.object({ id: z.string().min(1) });
