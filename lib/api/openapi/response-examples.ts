// What each operation answers, as an example body for the docs page and the OpenAPI document: one
// per operation id, made of a few sample resources. tests/unit/openapi.test.ts fails when an
// operation has none, and checks each against the operation's response schema (strict, so an
// example cannot drift from what the serialisers send).
import { SAMPLE_IDS } from "@/lib/api/openapi/examples";
import type { ApiOperation } from "@/lib/api/openapi/operations";
import { CAMPAIGN_EXAMPLE, SAMPLE_SENDER_ID } from "@/lib/api/openapi/campaign-operations";
import { SEGMENT_EXAMPLE } from "@/lib/api/openapi/segment-operations";

const CREATED = "2026-11-22T10:00:00.000Z";
const LATER = "2026-11-22T10:00:02.000Z";
const TO = "+14155550123"; // the examples' fictional recipient (a 555-01xx number)
const page = <T>(item: T) => ({ data: [item], has_more: false, next_cursor: null });

const message = {
  id: SAMPLE_IDS.messages,
  object: "message",
  direction: "outbound",
  status: "queued",
  from: "+14155550100",
  to: TO,
  body: "Your table for 2 is ready!",
  media_ids: [],
  encoding: "GSM-7",
  num_segments: 1,
  price_micros: 7900,
  marketing: true,
  contact_id: SAMPLE_IDS.contacts,
  status_callback: null,
  error_code: null,
  error_message: null,
  send_at: null,
  created_at: CREATED,
  updated_at: CREATED,
  sent_at: null,
  delivered_at: null,
  failed_at: null,
  received_at: null,
};
const delivered = { ...message, status: "delivered", updated_at: LATER, sent_at: CREATED, delivered_at: LATER };

const contact = {
  id: SAMPLE_IDS.contacts,
  object: "contact",
  phone: TO,
  first_name: "Ava",
  last_name: "Chen",
  email: "ava@example.com",
  time_zone: "America/Los_Angeles",
  tags: ["vip"],
  custom_fields: { tier: "gold" },
  subscription_status: "subscribed",
  subscribed_at: CREATED,
  unsubscribed_at: null,
  unsubscribe_source: null,
  created_at: CREATED,
  updated_at: CREATED,
};

const list = { id: SAMPLE_IDS.lists, object: "list", name: "Brunch regulars", member_count: 42, created_at: CREATED, updated_at: CREATED };

const segment = {
  id: SAMPLE_IDS.segments,
  object: "segment",
  ...SEGMENT_EXAMPLE,
  created_at: CREATED,
  updated_at: CREATED,
};

// The weekend campaign of the create example: a draft, then sending to 1,240 of its 1,312 contacts
// (one sender at 10 a second), a few messages still held for quiet hours.
const draftCampaign = {
  id: SAMPLE_IDS.campaigns,
  object: "campaign",
  name: CAMPAIGN_EXAMPLE.name,
  status: "draft",
  body: CAMPAIGN_EXAMPLE.variants[0]!.body,
  media_ids: [],
  audience: { include: CAMPAIGN_EXAMPLE.audience.include, exclude: { list_ids: [], segment_ids: [] } },
  sender_ids: CAMPAIGN_EXAMPLE.sender_ids,
  schedule: CAMPAIGN_EXAMPLE.schedule,
  append_opt_out: CAMPAIGN_EXAMPLE.append_opt_out,
  variants: CAMPAIGN_EXAMPLE.variants.map((v, i) => ({ variant: "AB"[i], ...v })),
  ab_test: { ...CAMPAIGN_EXAMPLE.ab_test, decide_at: null, winner: null, decided_at: null, explanation: null, decision: null },
  track_links: true,
  utm_parameters: true,
  recipients: null,
  messages: null,
  start_at: null,
  started_at: null,
  completed_at: null,
  canceled_at: null,
  created_at: CREATED,
  updated_at: CREATED,
};
const STARTED = "2026-11-29T15:00:00.000Z"; // 10:00 in New York
const DECIDED = "2026-11-29T19:00:00.000Z";
const EXPLANATION =
  "B has the highest click rate. B: 9.3% click rate, 23 of 247 delivered; A: 5.6% click rate, 14 of 248 delivered.";
const sendingCampaign = {
  ...draftCampaign,
  status: "sending",
  ab_test: {
    ...draftCampaign.ab_test,
    decide_at: DECIDED,
    winner: "B",
    decided_at: DECIDED,
    explanation: EXPLANATION,
    decision: { tie: false, too_few: false, variants: [{ variant: "A", delivered: 248, clicked: 14, replied: 3 }, { variant: "B", delivered: 247, clicked: 23, replied: 2 }] },
  },
  recipients: 1240,
  messages: { scheduled: 212, queued: 10, sending: 0, sent: 18, delivered: 893, undelivered: 4, failed: 3, canceled: 0 },
  start_at: STARTED,
  started_at: STARTED,
  updated_at: STARTED,
};
const skipped = { opted_out: 51, invalid_number: 6, frequency_capped: 15 };

const CSV =
  "\ufeffid,phone,first_name,last_name,email,time_zone,tags,lists,subscription_status,subscribed_at,unsubscribed_at,unsubscribe_source,consent_source,created_at,updated_at,tier\n" +
  `${SAMPLE_IDS.contacts},${TO},Ava,Chen,ava@example.com,America/Los_Angeles,"vip, brunch",Brunch regulars,subscribed,${CREATED},,,api,${CREATED},${CREATED},gold\n`;

const verification = {
  id: SAMPLE_IDS.verifications,
  object: "verification",
  to: TO,
  channel: "sms",
  status: "pending",
  sends: 1,
  checks: 0,
  expires_at: "2026-11-22T10:10:00.000Z",
  approved_at: null,
  created_at: CREATED,
};

const endpoint = {
  id: SAMPLE_IDS.webhook_endpoints,
  object: "webhook_endpoint",
  url: "https://example.com/textstack/webhooks",
  description: "Order system",
  event_types: ["message.delivered", "message.failed"],
  enabled: true,
  disabled_reason: null,
  failure_streak: 0,
  created_at: CREATED,
  updated_at: CREATED,
};
const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

const delivery = {
  id: SAMPLE_IDS.webhook_deliveries,
  object: "webhook_delivery",
  endpoint_id: SAMPLE_IDS.webhook_endpoints,
  event_type: "message.delivered",
  event_id: "evt_01jf0000000000000000000000",
  status: "succeeded",
  attempt_count: 1,
  next_attempt_at: null,
  delivered_at: LATER,
  created_at: LATER,
};
const payload = { type: "message.delivered", timestamp: LATER, data: delivered };
const attempt = { response_status: 200, latency_ms: 84, error: null, attempted_at: LATER };

/** The example response body of every operation, by operation id; links in them point at `baseUrl`. */
function examples(baseUrl: string): Record<string, unknown> {
  const refusal = { code: "invalid_phone_number", message: '"nope" is not a phone number', param: "to", doc_url: `${baseUrl}/docs/api#errors-invalid_phone_number` };
  return {
    sendMessage: message,
    sendMessageBatch: { object: "batch", accepted: 1, failed: 1, data: [{ index: 0, message }, { index: 1, error: refusal }] },
    listMessages: page(delivered),
    getMessage: {
      ...delivered,
      history: [
        { status: "queued", error_code: null, error_message: null, occurred_at: CREATED },
        { status: "sent", error_code: null, error_message: null, occurred_at: CREATED },
        { status: "delivered", error_code: null, error_message: null, occurred_at: LATER },
      ],
    },
    cancelMessage: { ...message, status: "canceled", send_at: "2026-11-23T09:00:00.000Z", updated_at: LATER },
    uploadMedia: {
      id: "med_01jf0000000000000000000000",
      object: "media",
      content_type: "image/png",
      size: 48213,
      file_name: "menu.png",
      url: `${baseUrl}/api/media/med_01jf0000000000000000000000?expires=1795428000&sig=3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`,
      url_expires_at: "2026-11-23T10:00:00.000Z",
      created_at: CREATED,
    },
    createContact: contact,
    upsertContact: contact,
    listContacts: page(contact),
    getContact: { ...contact, lists: [{ id: SAMPLE_IDS.lists, name: list.name, added_at: CREATED }] },
    updateContact: { ...contact, tags: ["vip", "brunch"], updated_at: LATER },
    deleteContact: { id: SAMPLE_IDS.contacts, object: "contact", deleted: true },
    optOutContact: { ...contact, subscription_status: "unsubscribed", unsubscribed_at: LATER, unsubscribe_source: "api", updated_at: LATER },
    optInContact: { ...contact, subscribed_at: LATER, updated_at: LATER },
    listLists: page(list),
    createList: { ...list, member_count: 0 },
    getList: list,
    updateList: { ...list, name: "Sunday brunch", updated_at: LATER },
    deleteList: { id: SAMPLE_IDS.lists, object: "list", deleted: true },
    listListContacts: page(contact),
    addListContacts: { list_id: SAMPLE_IDS.lists, added: 1, member_count: 43 },
    removeListContacts: { list_id: SAMPLE_IDS.lists, removed: 1, member_count: 41 },
    listSegments: page(segment),
    createSegment: segment,
    getSegment: segment,
    updateSegment: { ...segment, name: "Engaged VIPs", updated_at: LATER },
    deleteSegment: { id: SAMPLE_IDS.segments, object: "segment", deleted: true },
    countSegment: { object: "segment_count", segment_id: SAMPLE_IDS.segments, count: 1284, counted_at: LATER },
    listSegmentContacts: page(contact),
    exportSegmentContacts: CSV,
    exportContacts: CSV,
    listCampaigns: page(sendingCampaign),
    createCampaign: draftCampaign,
    getCampaign: sendingCampaign,
    planCampaign: {
      object: "campaign_plan",
      campaign_id: SAMPLE_IDS.campaigns,
      recipients: 1240,
      skipped,
      duplicates: 37,
      segments: 1302,
      cost_micros: 10_285_800,
      by_segments: [{ segments: 1, recipients: 1178 }, { segments: 2, recipients: 62 }],
      ucs2: { recipients: 62, share: 0.05, characters: ["’"] },
      warning: "5% of recipients get 2 segments as UCS-2 because of ’",
      opt_out: 310,
      held_at_start: 0,
      held_until_local: null,
      start_at: STARTED,
      finish_at: "2026-11-29T20:00:00.000Z",
      senders: [{ id: SAMPLE_SENDER_ID, address: "+14155550100", throughput: 10, recipients: 1240, finish_at: "2026-11-29T20:00:00.000Z" }],
      ab_test: {
        ...CAMPAIGN_EXAMPLE.ab_test,
        variants: [{ variant: "A", recipients: 124, segments: 130, cost_micros: 1_027_000 }, { variant: "B", recipients: 124, segments: 131, cost_micros: 1_034_900 }],
        test: 248,
        rest: 992,
        decide_at: DECIDED,
        cost_at_most: true,
        too_few: null,
      },
    },
    scheduleCampaign: {
      ...draftCampaign,
      status: "scheduled",
      schedule: { kind: "at", local_time: "2026-11-29T10:00", zone: "America/New_York" },
      start_at: "2026-11-29T15:00:00.000Z",
      updated_at: LATER,
    },
    pauseCampaign: { ...sendingCampaign, status: "paused", messages: { ...sendingCampaign.messages, scheduled: 222, queued: 0 }, updated_at: LATER },
    resumeCampaign: { ...sendingCampaign, updated_at: LATER },
    cancelCampaign: {
      ...sendingCampaign,
      status: "canceled",
      messages: { ...sendingCampaign.messages, scheduled: 0, queued: 0, canceled: 222 },
      canceled_at: LATER,
      updated_at: LATER,
      canceled_messages: 222,
      not_sent: 100,
    },
    getCampaignStats: {
      object: "campaign_stats",
      campaign_id: SAMPLE_IDS.campaigns,
      status: "completed",
      started_at: STARTED,
      completed_at: "2026-11-29T20:41:07.000Z",
      reply_days: 5,
      funnel: { recipients: 1240, skipped, duplicates: 37, waiting: 0, held: 0, queued: 0, sent: 1229, delivered: 1207, undelivered: 22, failed: 11, canceled: 0, clicked: 98, clicks: 131, replied: 86, opted_out: 9 },
      rates: { delivery: 1207 / 1229, click: 98 / 1229, reply: 86 / 1229, opt_out: 9 / 1229 },
      variants: [
        { variant: "A", recipients: 248, sent: 248, delivered: 248, clicked: 14, replied: 17, opted_out: 2, rates: { delivery: 1, click: 14 / 248, reply: 17 / 248, opt_out: 2 / 248 } },
        { variant: "B", recipients: 248, sent: 247, delivered: 247, clicked: 23, replied: 15, opted_out: 1, rates: { delivery: 1, click: 23 / 247, reply: 15 / 247, opt_out: 1 / 247 } },
        { variant: "rest", recipients: 744, sent: 734, delivered: 712, clicked: 61, replied: 54, opted_out: 6, rates: { delivery: 712 / 734, click: 61 / 712, reply: 54 / 712, opt_out: 6 / 734 } },
      ],
      winner: "B",
      explanation: EXPLANATION,
    },
    startVerification: verification,
    checkVerification: { ...verification, status: "approved", checks: 1, approved_at: LATER },
    getVerification: verification,
    cancelVerification: { ...verification, status: "canceled" },
    createWebhookEndpoint: { ...endpoint, secret: SECRET },
    listWebhookEndpoints: page(endpoint),
    getWebhookEndpoint: endpoint,
    updateWebhookEndpoint: { ...endpoint, event_types: ["message.delivered", "message.failed", "message.received"], updated_at: LATER },
    deleteWebhookEndpoint: { id: SAMPLE_IDS.webhook_endpoints, object: "webhook_endpoint", deleted: true },
    rotateWebhookEndpointSecret: { ...endpoint, secret: "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD", updated_at: LATER },
    listWebhookDeliveries: page({ ...delivery, last_attempt: attempt }),
    getWebhookDelivery: { ...delivery, payload, attempts: [{ attempt: 1, ...attempt, request_body: JSON.stringify(payload), response_body: "ok" }] },
    sendEvent: { object: "event", name: "order.placed", contact_id: SAMPLE_IDS.contacts, contact_created: false, received_at: CREATED },
    replayWebhookDelivery: { ...delivery, id: "wd_01jf0000000000000000000001", status: "pending", attempt_count: 0, next_attempt_at: null, delivered_at: null, payload, attempts: [] },
  };
}

/** The example body `op` answers with; undefined only for an operation added without one (the unit test fails). */
export function responseExample(baseUrl: string, op: Pick<ApiOperation, "id">): unknown {
  return examples(baseUrl)[op.id];
}
