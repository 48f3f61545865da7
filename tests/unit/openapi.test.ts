// The OpenAPI document and /docs/api are made from OPERATIONS: every route under app/api/v1 must be
// in it, and what the serialisers send must match the documented response schemas.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { serializeContact, serializeContactWithLists } from "@/lib/api/contacts/serialize-contact";
import { serializeList } from "@/lib/api/lists/serialize-list";
import { serializeSegment } from "@/lib/api/segments/serialize-segment";
import { serializeCampaign, serializeCampaignPlan, serializeCampaignStats } from "@/lib/api/campaigns/serialize-campaign";
import { serializeMedia } from "@/lib/api/media/serialize-media";
import { sendMessageParams } from "@/lib/api/messages/message-params";
import { serializeMessage, serializeMessageWithHistory } from "@/lib/messaging/serialize-message";
import { buildOpenApi } from "@/lib/api/openapi/build-openapi";
import { jsonSchema } from "@/lib/api/openapi/json-schema";
import { OPERATIONS } from "@/lib/api/openapi/operations";
import { responseExample } from "@/lib/api/openapi/response-examples";
import { campaignObject, campaignPlan, campaignStats } from "@/lib/api/openapi/campaign-resources";
import {
  contactObject,
  contactWithLists,
  listObject,
  mediaObject,
  messageObject,
  messageWithHistory,
  segmentObject,
  verificationObject,
  webhookDeliveryObject,
  webhookDeliveryWithAttempts,
  webhookEndpointObject,
  webhookEndpointWithSecret,
} from "@/lib/api/openapi/resources";
import { serializeWebhookDelivery, serializeWebhookDeliveryWithAttempts } from "@/lib/api/webhooks/serialize-webhook-delivery";
import { serializeWebhookEndpoint, serializeWebhookEndpointWithSecret } from "@/lib/api/webhooks/serialize-webhook-endpoint";
import { serializeVerification } from "@/lib/verify/serialize-verification";

// lib/env.ts reads the environment on first use (a media URL is signed with AUTH_SECRET for APP_URL).
vi.stubEnv("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/unused");
vi.stubEnv("AUTH_SECRET", "openapi-unit-test-secret-0123456789abcdef");
vi.stubEnv("APP_URL", "https://sms.example.com");

const V1 = path.resolve(import.meta.dirname, "../../app/api/v1");

function routes(dir: string, prefix = "/api/v1"): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return routes(path.join(dir, entry.name), `${prefix}/${entry.name.replace(/^\[(.+)\]$/, "{$1}")}`);
    if (entry.name !== "route.ts" || prefix.endsWith("openapi.json")) return [];
    const source = readFileSync(path.join(dir, entry.name), "utf8");
    return [...source.matchAll(/export const (GET|POST|DELETE|PATCH|PUT)\b/g)].map((m) => `${m[1]!.toLowerCase()} ${prefix}`);
  });
}

const at = new Date("2026-11-22T10:00:00Z");
const message = {
  id: "msg_01jf000000000000000000000a", direction: "OUTBOUND", status: "DELIVERED", from: "+14155550100", to: "+14155550123", body: "Hi",
  mediaIds: [], encoding: "GSM-7", segments: 1, priceMicros: 7900, marketing: true, contactId: "ct_1", statusCallback: null, errorCode: null,
  errorMessage: null, sendAt: null, createdAt: at, updatedAt: at, sentAt: at, deliveredAt: at, failedAt: null, receivedAt: null,
} as const;

describe("the OpenAPI document", () => {
  it("documents every REST v1 route and nothing that does not exist", () => {
    const documented = OPERATIONS.map((op) => `${op.method} ${op.path}`).sort();
    expect(documented).toEqual(routes(V1).sort());
  });

  it("is OpenAPI 3.1 with a path per operation, request schemas refusing unknown fields, and error responses", () => {
    const doc = buildOpenApi("https://sms.example.com");
    expect(doc.openapi).toBe("3.1.0");
    const send = doc.paths["/api/v1/messages"]!.post as { requestBody: { content: { "application/json": { schema: { additionalProperties: boolean; required: string[] } } } }; responses: Record<string, unknown> };
    expect(send.requestBody.content["application/json"].schema).toMatchObject({ additionalProperties: false, required: ["to"] });
    expect(Object.keys(send.responses)).toEqual(expect.arrayContaining(["201", "400", "401", "403", "429"]));
  });

  it("describes exactly what the serialisers send", () => {
    expect(() => messageObject.parse(serializeMessage(message))).not.toThrow();
    expect(() => messageWithHistory.parse(serializeMessageWithHistory({ ...message, events: [{ status: "QUEUED", errorCode: null, errorMessage: null, occurredAt: at }] }))).not.toThrow();
    const verification = { id: "ver_1", orgId: "org_1", to: "+14155550123", channel: "sms", codeHash: "h", status: "PENDING", sends: 1, checks: 0, expiresAt: at, approvedAt: null, createdAt: at, updatedAt: at } as const;
    expect(() => verificationObject.parse(serializeVerification(verification))).not.toThrow();
  });

  it("describes the contacts, lists and media the serialisers send", () => {
    const contact = {
      id: "ct_1", phone: "+14155550123", firstName: "Ava", lastName: null, email: null, timeZone: "America/Los_Angeles", tags: ["vip"],
      customFields: { tier: "gold", visits: 3 }, consentStatus: "OPTED_OUT", optedInAt: at, optedOutAt: at, optOutSource: "api", createdAt: at, updatedAt: at,
    } as const;
    expect(contactObject.parse(serializeContact({ ...contact, tags: [...contact.tags] }))).toMatchObject({ subscription_status: "unsubscribed", custom_fields: { tier: "gold" } });
    expect(() => contactWithLists.parse(serializeContactWithLists({ ...contact, tags: [], lists: [{ id: "lst_1", name: "VIP", addedAt: at }] }))).not.toThrow();
    expect(() => listObject.parse(serializeList({ id: "lst_1", name: "VIP", memberCount: 2, createdAt: at, updatedAt: at }))).not.toThrow();
    const media = mediaObject.parse(serializeMedia({ id: "med_1", contentType: "image/png", size: 10, fileName: "a.png", createdAt: at }, at.getTime()));
    expect(media.url).toContain("/api/media/med_1?expires=");
    expect(media.url_expires_at).toBe("2026-11-23T10:00:00.000Z");
  });

  it("describes the segments the serialiser sends, definitions in the API's names", () => {
    const definition = {
      timeZone: "America/Chicago",
      root: { type: "group", match: "any", rules: [{ type: "condition", field: "consent.optedInAt", operator: "in_last_days", value: 7 }, { type: "group", match: "all", rules: [] }] },
    } as const;
    const shown = segmentObject.parse(serializeSegment({ id: "seg_1", name: "New", description: null, definition: structuredClone(definition) as never, createdAt: at, updatedAt: at }));
    expect(shown.definition).toEqual({ time_zone: "America/Chicago", root: { ...definition.root, rules: [{ ...definition.root.rules[0], field: "consent.opted_in_at" }, definition.root.rules[1]] } });
  });

  it("describes the campaigns, plans and stats the serialisers send, in the API's names", () => {
    const draft = {
      id: "cmp_1", name: "Sale", status: "DRAFT", body: "Hi {{first_name}}", mediaIds: [], senderIds: ["snd_1"], appendOptOut: "every", trackLinks: true, utmParameters: false,
      audience: { include: { listIds: ["lst_1"], segmentIds: [] }, exclude: { listIds: [], segmentIds: ["seg_1"] } },
      schedule: { kind: "spread", hours: 4, localTime: "2026-12-15T10:00", zone: "America/Chicago" },
      resolvedAt: null, recipients: 0, startAt: null, startedAt: null, completedAt: null, canceledAt: null, createdAt: at, updatedAt: at,
      variants: [], abTest: null, decideAt: null, winnerVariant: null, decidedAt: null, decision: null,
    } as const;
    const shown = campaignObject.parse(serializeCampaign(structuredClone(draft) as never, null));
    expect(shown).toMatchObject({
      status: "draft", recipients: null, messages: null, append_opt_out: "every", track_links: true, utm_parameters: false,
      audience: { include: { list_ids: ["lst_1"], segment_ids: [] }, exclude: { list_ids: [], segment_ids: ["seg_1"] } },
      schedule: { kind: "spread", hours: 4, local_time: "2026-12-15T10:00", zone: "America/Chicago" },
    });
    const sending = { ...draft, status: "SENDING", schedule: { kind: "now" }, resolvedAt: at, recipients: 3, startAt: at, startedAt: at } as const;
    const counted = campaignObject.parse(serializeCampaign(structuredClone(sending) as never, { DELIVERED: 2, QUEUED: 1 }));
    expect(counted).toMatchObject({ status: "sending", recipients: 3, schedule: { kind: "now" }, messages: { delivered: 2, queued: 1, failed: 0 } });
    expect(counted.schedule).toEqual({ kind: "now" });
    const plan = {
      recipients: 3, skipped: { OPTED_OUT: 1, INVALID_NUMBER: 0, FREQUENCY_CAPPED: 2 }, duplicates: 0, segments: 3, costMicros: 23700,
      bySegments: [{ segments: 1, recipients: 3 }], ucs2: null, warning: null, optOut: 3, heldAtStart: 1, heldUntilLocal: "08:00", startAt: at.toISOString(), finishAt: null,
      senders: [{ id: "snd_1", address: "+14155550100", throughput: 10, recipients: 3, finishAt: at.toISOString() }], abTest: null,
    };
    expect(campaignPlan.parse(serializeCampaignPlan("cmp_1", plan))).toMatchObject({ skipped: { opted_out: 1, frequency_capped: 2 }, cost_micros: 23700, opt_out: 3, held_at_start: 1, held_until_local: "08:00" });
    const funnel = { recipients: 4, skipped: { OPTED_OUT: 1 }, duplicates: 0, waiting: 0, held: 0, queued: 0, sent: 4, delivered: 3, undelivered: 1, failed: 0, canceled: 0, clicked: 2, clicks: 3, replied: 1, optedOut: 0 };
    const stats = campaignStats.parse(serializeCampaignStats({ campaign: { id: "cmp_1", name: "Sale", status: "COMPLETED", startedAt: at, completedAt: at }, replyDays: 5, funnel, abTest: null }));
    expect(stats).toMatchObject({ status: "completed", funnel: { skipped: { opted_out: 1, invalid_number: 0 }, opted_out: 0 }, rates: { delivery: 0.75, click: 0.5, reply: 0.25, opt_out: 0 }, variants: [], winner: null });
    const decision = { winner: 1, metric: "clicks", tie: false, tooFew: false, explanation: "B has the highest click rate.", variants: [{ variant: "A", delivered: 100, clicked: 2, replied: 0 }, { variant: "B", delivered: 100, clicked: 9, replied: 1 }] };
    const ab = {
      ...sending, variants: [{ body: "A", mediaIds: [] }, { body: "B", mediaIds: [] }], abTest: { mode: "winner", sharePercent: 20, waitMinutes: 60, metric: "clicks" },
      decideAt: at, winnerVariant: 1, decidedAt: at, decision,
    };
    expect(campaignObject.parse(serializeCampaign(structuredClone(ab) as never, {}))).toMatchObject({
      variants: [{ variant: "A", body: "A" }, { variant: "B", body: "B" }],
      ab_test: { mode: "winner", share_percent: 20, winner: "B", explanation: "B has the highest click rate.", decision: { too_few: false } },
    });
    const perVariant = { variant: 1, recipients: 100, sent: 100, delivered: 100, clicked: 9, replied: 1, optedOut: 0 };
    const abStats = serializeCampaignStats({ campaign: { id: "cmp_1", name: "Sale", status: "SENDING", startedAt: at, completedAt: null }, replyDays: 5, funnel, abTest: { ...ab.abTest, variants: [perVariant, { ...perVariant, variant: null }], decideAt: at, winner: 1, decidedAt: at, decision } as never });
    expect(campaignStats.parse(abStats)).toMatchObject({ winner: "B", variants: [{ variant: "B", rates: { click: 0.09 } }, { variant: "rest" }] });
  });

  it("describes the webhook endpoints and deliveries the serialisers send, the secret only where it is made", () => {
    const endpoint = { id: "we_1", url: "https://example.com/h", description: null, eventTypes: ["message.sent"], enabled: false, disabledReason: "Failed 50 times in a row", failureStreak: 50, createdAt: at, updatedAt: at };
    const shown = webhookEndpointObject.parse(serializeWebhookEndpoint(endpoint));
    expect(shown).not.toHaveProperty("secret");
    expect(() => webhookEndpointObject.parse(serializeWebhookEndpointWithSecret({ ...endpoint, secret: "whsec_x" }))).toThrow();
    expect(webhookEndpointWithSecret.parse(serializeWebhookEndpointWithSecret({ ...endpoint, secret: "whsec_x" })).secret).toBe("whsec_x");
    const delivery = { id: "wd_1", eventType: "message.sent", eventId: "evt_1", status: "FAILED", attempts: 2, nextAttemptAt: null, deliveredAt: null, createdAt: at } as const;
    const attempt = { id: "wa_1", deliveryId: "wd_1", attempt: 1, requestBody: "{}", responseStatus: 500, responseBody: "no", latencyMs: 12, error: "HTTP 500", createdAt: at };
    expect(webhookDeliveryObject.parse(serializeWebhookDelivery({ ...delivery, lastAttempt: attempt }, "we_1"))).toMatchObject({ status: "failed", endpoint_id: "we_1", last_attempt: { response_status: 500 } });
    expect(() => webhookDeliveryObject.parse(serializeWebhookDelivery({ ...delivery, lastAttempt: null }, "we_1"))).not.toThrow();
    const { attempts: _count, ...rest } = delivery;
    void _count;
    const full = serializeWebhookDeliveryWithAttempts({ ...rest, endpointId: "we_1", payload: { type: "message.sent" }, attempts: [attempt], attemptCount: 2 });
    expect(webhookDeliveryWithAttempts.parse(full)).toMatchObject({ attempt_count: 2, attempts: [{ attempt: 1, request_body: "{}" }] });
  });

  it.each(OPERATIONS.map((op) => [op.id, op] as const))("has an example response body for %s that its response schema accepts", (_id, op) => {
    const example = responseExample("https://sms.example.com", op);
    expect(example, `add ${op.id} to lib/api/openapi/response-examples.ts`).toBeDefined();
    const parsed = op.response.schema.safeParse(example);
    expect(parsed.error?.issues ?? []).toEqual([]);
    const doc = buildOpenApi("https://sms.example.com") as { paths: Record<string, Record<string, { responses: Record<string, { content: Record<string, { example: unknown }> }> }>> };
    expect(doc.paths[op.path]![op.method]!.responses[op.response.status]!.content[op.response.contentType ?? "application/json"]!.example).toEqual(example);
  });

  it("gives every request field a type, the fields of an array's objects included", () => {
    type Field = { type?: unknown; enum?: unknown; const?: unknown; anyOf?: Field[]; items?: Field; properties?: Record<string, Field> };
    const untyped: string[] = [];
    const check = (field: Field, name: string) => {
      if (field.anyOf) return field.anyOf.forEach((alternative) => check(alternative, name));
      if (field.type === undefined && field.enum === undefined && field.const === undefined) untyped.push(name);
      if (field.items) check(field.items, `${name}[]`);
      for (const [key, property] of Object.entries(field.properties ?? {})) check(property, `${name}.${key}`);
    };
    for (const op of OPERATIONS) {
      for (const schema of [op.body, op.query]) if (schema) check(jsonSchema(schema, "input") as Field, op.id);
    }
    expect(untyped).toEqual([]);
  });

  it("describes send_at as an ISO 8601 string, and each batch item with the fields of one send", () => {
    type Props = Record<string, { type?: string; format?: string; description?: string; items?: { properties: Props; required: string[] } }>;
    const one = jsonSchema(sendMessageParams, "input") as { properties: Props; required: string[] };
    expect(one.properties.send_at).toMatchObject({ type: "string", format: "date-time", description: expect.stringContaining("ISO 8601") });
    const batch = (jsonSchema(OPERATIONS.find((op) => op.id === "sendMessageBatch")!.body!, "input") as { properties: Props }).properties.messages!;
    expect(batch.items).toEqual(one);
    for (const [name, field] of Object.entries(batch.items!.properties)) expect(field.description, `messages[].${name}`).toBeTruthy();
  });

  it("documents an upload as multipart/form-data, and 404 and 409 where they can happen", () => {
    const doc = buildOpenApi("https://sms.example.com");
    const paths = doc.paths as Record<string, Record<string, { requestBody?: { content: Record<string, unknown> }; responses: Record<string, unknown> }>>;
    expect(Object.keys(paths["/api/v1/media"]!.post!.requestBody!.content)).toEqual(["multipart/form-data"]);
    expect(Object.keys(paths["/api/v1/contacts/{id}"]!.patch!.responses)).toEqual(expect.arrayContaining(["200", "404", "409"]));
    expect(Object.keys(paths["/api/v1/contacts"]!.get!.responses)).not.toContain("404");
    expect(doc.tags.map((t) => t.name)).toEqual(["Messages", "Media", "Contacts", "Lists", "Segments", "Campaigns", "Verifications", "Webhook endpoints", "Events"]);
    expect(Object.keys((paths["/api/v1/segments/{id}/export"]!.get!.responses["200"] as { content: object }).content)).toEqual(["text/csv"]);
  });
});
