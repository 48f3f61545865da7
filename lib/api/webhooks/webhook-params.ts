// The webhook endpoints resource's parameters in the API's snake_case, built from the domain's own
// field schemas (lib/webhooks/endpoint-input.ts) so each rule is written once, and mapped to the
// domain inputs here and nowhere else.
import { z } from "zod";
import { paginationParams } from "@/lib/api/pagination";
import { createEndpointInput, listDeliveriesInput, updateEndpointInput, type CreateEndpointInput, type UpdateEndpointInput } from "@/lib/webhooks/endpoint-input";

const create = createEndpointInput.shape;
const update = updateEndpointInput.shape;

const URL_RULE = "https, on a public address (private, loopback and link-local addresses are refused with `private_url`)";

export const createWebhookEndpointParams = z.strictObject({
  url: create.url.describe(`Where the events are POSTed: ${URL_RULE}`),
  description: create.description.describe("A note for people, such as what receives the events"),
  event_types: create.eventTypes.describe("The events to send, such as message.delivered"),
});

/** PATCH: only the fields given change; null or "" clears the description. */
export const updateWebhookEndpointParams = z.strictObject({
  url: update.url.describe(URL_RULE),
  description: update.description.unwrap().nullable().optional().describe("null or an empty string clears it"),
  event_types: update.eventTypes.describe("Replaces the endpoint's event types"),
  enabled: update.enabled.describe("false stops deliveries (they wait); true sends what waited and clears an automatic disable"),
});

export const pageWebhookEndpointsParams = z.strictObject({ ...paginationParams });

const deliveryStatus = listDeliveriesInput.shape.status.unwrap();

export const listWebhookDeliveriesParams = z.strictObject({
  ...paginationParams,
  status: z
    .enum(deliveryStatus.options.map((s) => s.toLowerCase()) as [string, ...string[]], "must be pending, succeeded or failed")
    .optional()
    .describe("Only deliveries in this state"),
});

export function toCreateEndpointInput(params: z.output<typeof createWebhookEndpointParams>): CreateEndpointInput {
  return { url: params.url, description: params.description, eventTypes: params.event_types };
}

export function toUpdateEndpointInput(id: string, params: z.output<typeof updateWebhookEndpointParams>): UpdateEndpointInput {
  return {
    id,
    url: params.url,
    description: params.description === null ? "" : params.description,
    eventTypes: params.event_types,
    enabled: params.enabled,
  };
}

export function toListDeliveriesInput(endpointId: string, params: z.output<typeof listWebhookDeliveriesParams>) {
  return {
    endpointId,
    status: params.status?.toUpperCase() as z.output<typeof deliveryStatus> | undefined,
    cursor: params.starting_after,
    limit: params.limit,
  };
}
