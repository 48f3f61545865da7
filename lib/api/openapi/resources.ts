// The shapes the API answers with, as zod schemas for the OpenAPI document. The serialisers
// (lib/api/<resource>/serialize-*.ts, lib/verify/serialize-verification.ts) are checked against
// them in tests/unit/openapi.test.ts, so the document cannot drift from what is sent.
import { z } from "zod";
import { segmentDefinitionParams } from "@/lib/api/segments/segment-definition-params";
import { API_ERROR_STATUS } from "@/lib/errors/error-codes";

export const time = z.iso.datetime().describe("ISO 8601, UTC");
const status = z.enum(["scheduled", "queued", "sending", "sent", "delivered", "undelivered", "failed", "received", "canceled"]);

export const messageObject = z
  .strictObject({
    id: z.string().describe("msg_..."),
    object: z.literal("message"),
    direction: z.enum(["outbound", "inbound"]),
    status,
    from: z.string(),
    to: z.string(),
    body: z.string(),
    media_ids: z.array(z.string()),
    encoding: z.enum(["GSM-7", "UCS-2"]),
    num_segments: z.number().int(),
    price_micros: z.number().int().describe("Price in millionths of the currency unit"),
    marketing: z.boolean(),
    contact_id: z.string().nullable(),
    status_callback: z.string().nullable(),
    error_code: z.string().nullable(),
    error_message: z.string().nullable(),
    send_at: time.nullable(),
    created_at: time,
    updated_at: time,
    sent_at: time.nullable(),
    delivered_at: time.nullable(),
    failed_at: time.nullable(),
    received_at: time.nullable(),
  })
  .meta({ id: "Message" });

export const messageWithHistory = messageObject
  .extend({
    history: z.array(z.strictObject({ status, error_code: z.string().nullable(), error_message: z.string().nullable(), occurred_at: time })),
  })
  .meta({ id: "MessageWithHistory" });

export const messageList = z
  .strictObject({ data: z.array(messageObject), has_more: z.boolean(), next_cursor: z.string().nullable() })
  .meta({ id: "MessageList" });

export const verificationObject = z
  .strictObject({
    id: z.string().describe("ver_..."),
    object: z.literal("verification"),
    to: z.string(),
    channel: z.string(),
    status: z.enum(["pending", "approved", "canceled", "expired"]),
    sends: z.number().int(),
    checks: z.number().int(),
    expires_at: time,
    approved_at: time.nullable(),
    created_at: time,
  })
  .meta({ id: "Verification" });

export const contactObject = z
  .strictObject({
    id: z.string().describe("ct_..."),
    object: z.literal("contact"),
    phone: z.string().describe("E.164"),
    first_name: z.string().nullable(),
    last_name: z.string().nullable(),
    email: z.string().nullable(),
    time_zone: z.string().nullable().describe("IANA name"),
    tags: z.array(z.string()),
    custom_fields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
    subscription_status: z.enum(["subscribed", "unsubscribed"]).describe("Consent: subscribed = opted in, unsubscribed = opted out of marketing"),
    subscribed_at: time.nullable(),
    unsubscribed_at: time.nullable(),
    unsubscribe_source: z.string().nullable().describe('How they opted out: "keyword:STOP" (a text), "phrase:remove me" (a text saying it in other words), "api", ...'),
    created_at: time,
    updated_at: time,
  })
  .meta({ id: "Contact" });

export const contactWithLists = contactObject
  .extend({ lists: z.array(z.strictObject({ id: z.string(), name: z.string(), added_at: time })) })
  .meta({ id: "ContactWithLists" });

export const contactList = z
  .strictObject({ data: z.array(contactObject), has_more: z.boolean(), next_cursor: z.string().nullable() })
  .meta({ id: "ContactList" });

export const listObject = z
  .strictObject({
    id: z.string().describe("lst_..."),
    object: z.literal("list"),
    name: z.string(),
    member_count: z.number().int(),
    created_at: time,
    updated_at: time,
  })
  .meta({ id: "List" });

export const listList = z
  .strictObject({ data: z.array(listObject), has_more: z.boolean(), next_cursor: z.string().nullable() })
  .meta({ id: "ListList" });

export const segmentObject = z
  .strictObject({
    id: z.string().describe("seg_..."),
    object: z.literal("segment"),
    name: z.string(),
    description: z.string().nullable(),
    definition: segmentDefinitionParams,
    created_at: time,
    updated_at: time,
  })
  .meta({ id: "Segment" });

export const segmentList = z
  .strictObject({ data: z.array(segmentObject), has_more: z.boolean(), next_cursor: z.string().nullable() })
  .meta({ id: "SegmentList" });

export const segmentCount = z.strictObject({
  object: z.literal("segment_count"),
  segment_id: z.string(),
  count: z.number().int().describe("Contacts that meet the rules now"),
  counted_at: time,
});

export const listMembersAdded = z.strictObject({ list_id: z.string(), added: z.number().int(), member_count: z.number().int() });
export const listMembersRemoved = z.strictObject({ list_id: z.string(), removed: z.number().int(), member_count: z.number().int() });

export const deletedObject = (object: string) => z.strictObject({ id: z.string(), object: z.literal(object), deleted: z.literal(true) });

export const mediaObject = z
  .strictObject({
    id: z.string().describe("med_...: use it in media_ids"),
    object: z.literal("media"),
    content_type: z.string(),
    size: z.number().int().describe("Bytes"),
    file_name: z.string().nullable(),
    url: z.string().describe("Signed URL of the file, no key needed until url_expires_at"),
    url_expires_at: time,
    created_at: time,
  })
  .meta({ id: "Media" });

export const webhookEndpointObject = z
  .strictObject({
    id: z.string().describe("we_..."),
    object: z.literal("webhook_endpoint"),
    url: z.string(),
    description: z.string().nullable(),
    event_types: z.array(z.string()),
    enabled: z.boolean(),
    disabled_reason: z.string().nullable().describe("Why it was switched off automatically (repeated failures); null otherwise"),
    failure_streak: z.number().int().describe("Failed deliveries in a row; reset by a success"),
    created_at: time,
    updated_at: time,
  })
  .meta({ id: "WebhookEndpoint" });

export const webhookEndpointWithSecret = webhookEndpointObject
  .extend({ secret: z.string().describe("whsec_...: the Standard Webhooks signing secret. Shown in this answer only: store it now") })
  .meta({ id: "WebhookEndpointWithSecret" });

export const webhookEndpointList = z
  .strictObject({ data: z.array(webhookEndpointObject), has_more: z.boolean(), next_cursor: z.string().nullable() })
  .meta({ id: "WebhookEndpointList" });

const attemptSummary = {
  response_status: z.number().int().nullable().describe("The endpoint's HTTP status; null when there was no answer"),
  latency_ms: z.number().int(),
  error: z.string().nullable().describe("Why the attempt failed, when it did"),
  attempted_at: time,
};

const webhookDeliveryFields = {
  id: z.string().describe("wd_..."),
  object: z.literal("webhook_delivery"),
  endpoint_id: z.string(),
  event_type: z.string(),
  event_id: z.string().describe("The webhook-id header: the same on every attempt and replay, for deduplication"),
  status: z.enum(["pending", "succeeded", "failed"]).describe("failed: the retry schedule ended without a 2xx"),
  attempt_count: z.number().int(),
  next_attempt_at: time.nullable(),
  delivered_at: time.nullable(),
  created_at: time,
};

export const webhookDeliveryObject = z
  .strictObject({ ...webhookDeliveryFields, last_attempt: z.strictObject(attemptSummary).nullable() })
  .meta({ id: "WebhookDelivery" });

export const webhookDeliveryList = z
  .strictObject({ data: z.array(webhookDeliveryObject), has_more: z.boolean(), next_cursor: z.string().nullable() })
  .meta({ id: "WebhookDeliveryList" });

export const webhookDeliveryWithAttempts = z
  .strictObject({
    ...webhookDeliveryFields,
    payload: z.record(z.string(), z.unknown()).describe("The event as it is POSTed: type, timestamp, data"),
    attempts: z.array(
      z.strictObject({ attempt: z.number().int(), ...attemptSummary, request_body: z.string(), response_body: z.string().nullable().describe("The start of the endpoint's answer") }),
    ),
  })
  .meta({ id: "WebhookDeliveryWithAttempts" });

export const errorObject = z
  .strictObject({
    error: z.strictObject({
      code: z.enum(Object.keys(API_ERROR_STATUS) as [string, ...string[]]),
      message: z.string(),
      param: z.string().nullable().optional(),
      doc_url: z.string(),
      request_id: z.string().optional(),
    }),
  })
  .meta({ id: "Error" });

export const batchResult = z
  .strictObject({
    object: z.literal("batch"),
    accepted: z.number().int().describe("Items queued (or scheduled)"),
    failed: z.number().int().describe("Items refused"),
    data: z
      .array(
        z.union([
          z.strictObject({ index: z.number().int().describe("The item's position in `messages`"), message: messageObject }),
          z.strictObject({ index: z.number().int().describe("The item's position in `messages`"), error: errorObject.shape.error }),
        ]),
      )
      .describe("One result per item, in request order: the message, or the error that refused the item"),
  })
  .meta({ id: "BatchResult" });
