// The Webhooks operations of REST v1 (see operations.ts, which lists them with the rest). Every one
// needs webhooks:manage: there is no read-only webhooks scope, and the log holds the events' payloads.
import { z } from "zod";
import type { ApiOperation } from "@/lib/api/openapi/operations";
import {
  deletedObject,
  webhookDeliveryList,
  webhookDeliveryWithAttempts,
  webhookEndpointList,
  webhookEndpointObject,
  webhookEndpointWithSecret,
} from "@/lib/api/openapi/resources";
import { createWebhookEndpointParams, listWebhookDeliveriesParams, pageWebhookEndpointsParams, updateWebhookEndpointParams } from "@/lib/api/webhooks/webhook-params";

const endpointId = z.object({ id: z.string().describe("The webhook endpoint's id") });
const deliveryId = z.object({ id: z.string().describe("The delivery's id") });

export const WEBHOOK_OPERATIONS: ApiOperation[] = [
  {
    id: "createWebhookEndpoint",
    method: "post",
    path: "/api/v1/webhook_endpoints",
    tag: "Webhook endpoints",
    summary: "Add a webhook endpoint",
    description:
      "Events of the chosen types are POSTed to the URL, signed per the Standard Webhooks spec with the endpoint's secret. The answer holds the `secret`: it is shown this once, so store it now (rotate it if it is lost). A URL on a private, loopback or link-local address is refused with `private_url`; at most 20 endpoints per organisation (`too_many_endpoints`).",
    scope: "webhooks:manage",
    body: createWebhookEndpointParams,
    response: { status: 201, schema: webhookEndpointWithSecret, description: "The endpoint with its signing secret" },
    example: { url: "https://example.com/textstack/webhooks", description: "Order system", event_types: ["message.delivered", "message.failed"] },
  },
  {
    id: "listWebhookEndpoints",
    method: "get",
    path: "/api/v1/webhook_endpoints",
    tag: "Webhook endpoints",
    summary: "List webhook endpoints",
    description: "Newest first, without their secrets. Page with `limit` and `starting_after`.",
    scope: "webhooks:manage",
    query: pageWebhookEndpointsParams,
    response: { status: 200, schema: webhookEndpointList, description: "A page of endpoints" },
  },
  {
    id: "getWebhookEndpoint",
    method: "get",
    path: "/api/v1/webhook_endpoints/{id}",
    tag: "Webhook endpoints",
    summary: "Get a webhook endpoint",
    description: "The endpoint (never its secret), whether it is enabled, and why it was switched off if that was automatic.",
    scope: "webhooks:manage",
    pathParams: endpointId,
    response: { status: 200, schema: webhookEndpointObject, description: "The endpoint" },
  },
  {
    id: "updateWebhookEndpoint",
    method: "patch",
    path: "/api/v1/webhook_endpoints/{id}",
    tag: "Webhook endpoints",
    summary: "Update a webhook endpoint",
    description:
      "Only the fields sent change. `enabled: false` holds its deliveries; `enabled: true` sends what waited and clears an automatic disable. A new URL is checked as at creation (`private_url`).",
    scope: "webhooks:manage",
    pathParams: endpointId,
    body: updateWebhookEndpointParams,
    response: { status: 200, schema: webhookEndpointObject, description: "The endpoint" },
    example: { event_types: ["message.delivered", "message.failed", "message.received"], enabled: true },
  },
  {
    id: "deleteWebhookEndpoint",
    method: "delete",
    path: "/api/v1/webhook_endpoints/{id}",
    tag: "Webhook endpoints",
    summary: "Delete a webhook endpoint",
    description: "The endpoint and its delivery log go; nothing more is sent to it.",
    scope: "webhooks:manage",
    pathParams: endpointId,
    response: { status: 200, schema: deletedObject("webhook_endpoint"), description: "What was deleted" },
  },
  {
    id: "rotateWebhookEndpointSecret",
    method: "post",
    path: "/api/v1/webhook_endpoints/{id}/rotate_secret",
    tag: "Webhook endpoints",
    summary: "Rotate a webhook endpoint's secret",
    description: "A new signing secret, used from the next attempt on; the old one stops signing at once. The answer holds the new `secret`, shown this once.",
    scope: "webhooks:manage",
    pathParams: endpointId,
    response: { status: 200, schema: webhookEndpointWithSecret, description: "The endpoint with its new signing secret" },
  },
  {
    id: "listWebhookDeliveries",
    method: "get",
    path: "/api/v1/webhook_endpoints/{id}/deliveries",
    tag: "Webhook endpoints",
    summary: "List an endpoint's deliveries",
    description: "The endpoint's delivery log, newest first, each with its latest attempt; filter by `status`. Page with `limit` and `starting_after`.",
    scope: "webhooks:manage",
    pathParams: endpointId,
    query: listWebhookDeliveriesParams,
    response: { status: 200, schema: webhookDeliveryList, description: "A page of deliveries" },
  },
  {
    id: "getWebhookDelivery",
    method: "get",
    path: "/api/v1/webhook_deliveries/{id}",
    tag: "Webhook endpoints",
    summary: "Get a delivery with its attempts",
    description: "The event's payload and every attempt, oldest first: what was sent, the endpoint's status and the start of its answer, or why it failed.",
    scope: "webhooks:manage",
    pathParams: deliveryId,
    response: { status: 200, schema: webhookDeliveryWithAttempts, description: "The delivery" },
  },
  {
    id: "replayWebhookDelivery",
    method: "post",
    path: "/api/v1/webhook_deliveries/{id}/replay",
    tag: "Webhook endpoints",
    summary: "Replay a delivery",
    description:
      "Sends the same event (same `webhook-id` and body, signed with the current secret) to the same endpoint again, as a new delivery with its own retries, after any pending events of the same message.",
    scope: "webhooks:manage",
    pathParams: deliveryId,
    response: { status: 201, schema: webhookDeliveryWithAttempts, description: "The new delivery" },
  },
];
